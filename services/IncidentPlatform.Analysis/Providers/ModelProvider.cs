using Microsoft.Extensions.AI;

namespace IncidentPlatform.Analysis.Providers;

/// <summary>A model that can answer, behind <see cref="IChatClient"/>.</summary>
/// <param name="Name">The provider's name in <c>Analysis:Providers</c> and in the analysis (<c>bedrock</c>, <c>anthropic</c>).</param>
/// <param name="Model">The model id it calls.</param>
/// <param name="Client">The chat client.</param>
internal sealed record ModelProvider(string Name, string Model, IChatClient Client);
