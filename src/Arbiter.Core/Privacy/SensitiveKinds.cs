namespace Arbiter.Core.Privacy;

/// <summary>The kinds of personal data and secrets the detector knows, as written under <c>privacy.kinds</c>.</summary>
public static class SensitiveKinds
{
    public const string Email = "email";
    public const string Phone = "phone";
    /// <summary>Payment card numbers that pass the Luhn check and start like a real card.</summary>
    public const string Card = "card";
    /// <summary>IBANs that pass the mod-97 check.</summary>
    public const string Iban = "iban";
    /// <summary>National identifiers: US social security numbers, UK national insurance numbers.</summary>
    public const string NationalId = "national_id";
    /// <summary>API keys and private keys: sk-..., AKIA..., ghp_..., xox?-..., AIza..., PEM private keys.</summary>
    public const string ApiKey = "api_key";

    public static readonly IReadOnlyList<string> All = [ApiKey, Card, Iban, NationalId, Email, Phone];
}
