using Arbiter.Core.Keys;

namespace Arbiter.Core.Tests.Keys;

public sealed class KeyRingTests
{
    private static readonly KeyFactory Factory = new(TimeProvider.System);

    [Fact]
    public void TryAuthenticate_IssuedKey_FindsItAndItsTeam()
    {
        var (plaintext, key) = Factory.Create("ci", "red", KeyLimits.None);
        var ring = new KeyRing();
        ring.Replace([key], [new Team { Name = "red", CreatedAt = DateTimeOffset.UnixEpoch }]);

        Assert.True(ring.TryAuthenticate(plaintext, out var found, out var team));
        Assert.Equal(key.Id, found.Id);
        Assert.Equal("red", team!.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sk-arb-wrong")]
    public void TryAuthenticate_UnknownKey_Fails(string presented)
    {
        var (_, key) = Factory.Create("ci", null, KeyLimits.None);
        var ring = new KeyRing();
        ring.Replace([key], []);

        Assert.False(ring.TryAuthenticate(presented, out _, out _));
    }

    [Fact]
    public void TryAuthenticate_RevokedOrOverlongKey_Fails()
    {
        var (plaintext, key) = Factory.Create("ci", null, KeyLimits.None);
        var ring = new KeyRing();
        ring.Replace([key with { RevokedAt = DateTimeOffset.UnixEpoch }], []);

        Assert.False(ring.TryAuthenticate(plaintext, out _, out _));
        Assert.False(ring.TryAuthenticate(new string('a', KeyHash.MaxKeyChars + 1), out _, out _));
    }

    [Fact]
    public void Create_Key_StoresOnlyHashAndShortPrefix()
    {
        var (plaintext, key) = Factory.Create("ci", null, KeyLimits.None);

        Assert.Equal(KeyFactory.KeyPrefix.Length + 43, plaintext.Length);
        Assert.Equal(KeyHash.HexOf(plaintext), key.Hash);
        Assert.Equal(plaintext[..KeyFactory.ShownChars], key.Prefix);
        Assert.DoesNotContain(plaintext, key.ToString());
    }

    [Fact]
    public void Create_TwoKeys_Differ()
    {
        Assert.NotEqual(Factory.Create("a", null, KeyLimits.None).Plaintext, Factory.Create("a", null, KeyLimits.None).Plaintext);
    }
}
