using Arbiter.Core.Privacy;
using Arbiter.Core.Privacy.Detectors;

namespace Arbiter.Core.Tests.Privacy;

public sealed class SensitiveDataScannerTests
{
    private readonly SensitiveDataScanner _scanner = new();

    public static TheoryData<string, string, string> Positives => new()
    {
        // text, expected kind, the exact span found
        { "write to jane.doe@example.com today", "email", "jane.doe@example.com" },
        { "cc: a_b+tag@mail.co.uk.", "email", "a_b+tag@mail.co.uk" },
        { "call +1 415 555 0100 now", "phone", "+1 415 555 0100" },
        { "call (415) 555-0100", "phone", "(415) 555-0100" },
        { "ring +44 20 7946 0958", "phone", "+44 20 7946 0958" },
        { "visa 4111 1111 1111 1111 exp 12/29", "card", "4111 1111 1111 1111" },
        { "mc 5555-5555-5555-4444", "card", "5555-5555-5555-4444" },
        { "amex 378282246310005", "card", "378282246310005" },
        { "iban GB82 WEST 1234 5698 7654 32 please", "iban", "GB82 WEST 1234 5698 7654 32" },
        { "DE89370400440532013000", "iban", "DE89370400440532013000" },
        { "ssn 078-05-1120", "national_id", "078-05-1120" },
        { "NINO AB 12 34 56 C", "national_id", "AB 12 34 56 C" },
        { "key sk-proj-abcdefghijklmnopqrstuvwxyz0123", "api_key", "sk-proj-abcdefghijklmnopqrstuvwxyz0123" },
        { "AKIAIOSFODNN7EXAMPLE is the id", "api_key", "AKIAIOSFODNN7EXAMPLE" },
        { "token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "api_key", "ghp_abcdefghijklmnopqrstuvwxyz0123456789" },
        { "-----BEGIN RSA PRIVATE KEY-----", "api_key", "-----BEGIN RSA PRIVATE KEY-----" },
    };

    [Theory, MemberData(nameof(Positives))]
    public void Scan_RealData_FoundWithItsKindAndSpan(string text, string kind, string span)
    {
        var found = _scanner.Scan(text);

        var m = Assert.Single(found);
        Assert.Equal(kind, m.Kind);
        Assert.Equal(span, text.Substring(m.Start, m.Length));
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]             // card shape, Luhn fails
    [InlineData("1234 5678 9012 3456")]             // no issuer starts with 1, Luhn fails
    [InlineData("9111111111111111111")]             // issuer unknown
    [InlineData("order 20240115093012 shipped")]    // a timestamp, not a card
    [InlineData("user@localhost")]                  // no dotted domain
    [InlineData("see version@2.0 of the spec")]     // numeric top-level domain
    [InlineData("@handle on social")]
    [InlineData("x..y@example.com")]                // consecutive dots in the local part
    [InlineData("the meeting is on 2024-01-15")]    // a date, not a phone
    [InlineData("pi is 3.14159265")]
    [InlineData("call ext. 4412")]
    [InlineData("GB82 WEST 1234 5698 7654 33")]     // IBAN shape, mod-97 fails
    [InlineData("ssn 000-12-3456")]                 // area 000 is never issued
    [InlineData("ssn 666-12-3456")]
    [InlineData("sk-short")]                        // too short to be a key
    [InlineData("the task-force met; risk-assessment done")]
    [InlineData("ISBN 978-3-16-148410-0")]
    public void Scan_LookAlikes_NothingFound(string text)
    {
        Assert.Empty(_scanner.Scan(text));
    }

    [Fact]
    public void Scan_CardInsidePhoneLikeText_OnlyTheCard()
    {
        var found = _scanner.Scan("pay 4111-1111-1111-1111 thanks");

        Assert.Equal("card", Assert.Single(found).Kind);
    }

    [Fact]
    public void Redact_SeveralKinds_EachReplacedAndKindsListedOnce()
    {
        var kinds = new List<string>();

        var text = _scanner.Redact("a@b.io and c@d.io, card 4111111111111111", kinds);

        Assert.Equal("[REDACTED:email] and [REDACTED:email], card [REDACTED:card]", text);
        Assert.Equal(["email", "card"], kinds);
    }

    [Fact]
    public void Redact_NothingFound_SameInstance()
    {
        const string text = "nothing to see";

        Assert.Same(text, _scanner.Redact(text));
    }

    [Fact]
    public void Scanner_OnlyChosenKinds()
    {
        var emailsOnly = new SensitiveDataScanner([SensitiveKinds.Email]);

        Assert.Equal(["email"], emailsOnly.Scan("x@y.com 4111111111111111 078-05-1120").Select(m => m.Kind));
    }

    [Theory]
    [InlineData(new[] { 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, true)]
    [InlineData(new[] { 7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3 }, true)]
    [InlineData(new[] { 7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4 }, false)]
    public void Luhn_KnownNumbers(int[] digits, bool valid)
    {
        Assert.Equal(valid, CardNumberDetector.Luhn(digits));
    }

    [Theory]
    [InlineData("GB82WEST12345698765432", 1)]
    [InlineData("NL91ABNA0417164300", 1)]
    [InlineData("NL91ABNA0417164301", 0)]
    public void Mod97_KnownIbans(string iban, int isValid)
    {
        Assert.Equal(isValid == 1, IbanDetector.Mod97(iban) == 1);
    }
}
