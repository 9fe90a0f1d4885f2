using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// SNS message signatures as AWS documents them: the string to sign is "Name\nValue\n" for, in this order, Message,
/// MessageId, Subject (notifications, when present), SubscribeURL (confirmations), Timestamp, Token (confirmations),
/// TopicArn and Type; SignatureVersion 1 signs it with SHA1withRSA (accepted only when configured), 2 with
/// SHA256withRSA; Signature is base64.
/// </summary>
internal static class SnsSignature
{
    /// <summary>The string to sign, or null when a field it needs is missing.</summary>
    public static string? CanonicalString(SnsMessage message)
    {
        var fields = message.Type == SnsMessageTypes.Notification
            ? new (string Name, string? Value, bool Optional)[]
            {
                ("Message", message.Message, false), ("MessageId", message.MessageId, false),
                ("Subject", message.Subject, true), ("Timestamp", message.Timestamp, false),
                ("TopicArn", message.TopicArn, false), ("Type", message.Type, false),
            }
            :
            [
                ("Message", message.Message, false), ("MessageId", message.MessageId, false),
                ("SubscribeURL", message.SubscribeUrl, false), ("Timestamp", message.Timestamp, false),
                ("Token", message.Token, false), ("TopicArn", message.TopicArn, false), ("Type", message.Type, false),
            ];
        var builder = new StringBuilder();
        foreach (var (name, value, optional) in fields)
        {
            if (value is null)
            {
                if (optional)
                {
                    continue;
                }

                return null;
            }

            builder.Append(name).Append('\n').Append(value).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Null when the signature is valid for the certificate's key, else why not.</summary>
    /// <param name="message">The message.</param>
    /// <param name="certificate">The signing certificate.</param>
    /// <param name="allowVersion1">Whether SHA1 signatures (version 1) are accepted.</param>
    public static string? Verify(SnsMessage message, X509Certificate2 certificate, bool allowVersion1)
    {
        var hash = message.SignatureVersion switch
        {
            "1" when allowVersion1 => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => default(HashAlgorithmName?),
        };
        if (hash is null)
        {
            return message.SignatureVersion == "1"
                ? "SignatureVersion 1 (SHA1) is not accepted: set the topic's SignatureVersion attribute to 2, or " +
                  "Webhooks:Sns:AllowSignatureVersion1 to true."
                : $"SignatureVersion '{message.SignatureVersion}' is not 1 or 2.";
        }

        var canonical = CanonicalString(message);
        if (canonical is null)
        {
            return "The message lacks a field its signature covers.";
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(message.Signature ?? "");
        }
        catch (FormatException)
        {
            return "Signature is not base64.";
        }

        using var key = certificate.GetRSAPublicKey();
        if (key is null)
        {
            return "The signing certificate has no RSA key.";
        }

        return key.VerifyData(Encoding.UTF8.GetBytes(canonical), signature, hash.Value, RSASignaturePadding.Pkcs1)
            ? null
            : "The signature does not match the message.";
    }
}
