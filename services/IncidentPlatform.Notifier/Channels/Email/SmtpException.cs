namespace IncidentPlatform.Notifier.Channels.Email;

/// <summary>The SMTP server refused a command; 4xx replies are transient, 5xx permanent.</summary>
internal sealed class SmtpReplyException(int code, string reply, string command)
    : Exception($"SMTP {command}: {code} {reply}")
{
    public int Code => code;

    public bool Transient => code is >= 400 and < 500;
}
