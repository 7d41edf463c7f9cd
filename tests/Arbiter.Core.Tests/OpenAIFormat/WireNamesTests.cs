using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.OpenAIFormat;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(ChatRole.System)]
    [InlineData(ChatRole.Developer)]
    [InlineData(ChatRole.User)]
    [InlineData(ChatRole.Assistant)]
    [InlineData(ChatRole.Tool)]
    public void TryParseRole_EveryRolesWireName_ReadsBackFromTextAndFromJson(ChatRole role)
    {
        var name = WireNames.Role(role);

        Assert.True(WireNames.TryParseRole(name, out var fromText));
        Assert.True(WireNames.TryParseRole(Json.Parse($"\"{name}\""), out var fromJson));
        Assert.Equal((role, role), (fromText, fromJson));
    }

    [Theory]
    [InlineData("\"robot\"")]
    [InlineData("\"User\"")]
    [InlineData("\"\"")]
    [InlineData("5")]
    [InlineData("null")]
    public void TryParseRole_Json_NotARoleName_IsRefused(string json) =>
        Assert.False(WireNames.TryParseRole(Json.Parse(json), out _));
}
