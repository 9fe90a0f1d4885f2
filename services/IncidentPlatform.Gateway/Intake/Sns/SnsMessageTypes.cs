namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>The values of an SNS message's <c>Type</c> (and of the <c>x-amz-sns-message-type</c> header).</summary>
internal static class SnsMessageTypes
{
    public const string Notification = "Notification";
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string UnsubscribeConfirmation = "UnsubscribeConfirmation";

    public static bool IsKnown(string? type) => type is Notification or SubscriptionConfirmation or UnsubscribeConfirmation;
}
