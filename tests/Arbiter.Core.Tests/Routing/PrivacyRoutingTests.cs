using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Privacy;

namespace Arbiter.Core.Tests.Routing;

public sealed class PrivacyRoutingTests
{
    private const string Card = "4111 1111 1111 1111";
    private readonly RoutingFixture _f = new();

    [Fact]
    public void Block_CardInPrompt_400NamingTheKindNeverTheNumber()
    {
        var ex = Assert.Throws<ArbiterException>(() => _f.Router.Plan(RoutingFixture.Ask("guarded-block", $"charge {Card} please")));

        Assert.Equal(400, ex.Error.HttpStatus);
        Assert.Equal(PrivacyGuard.BlockedCode, ex.Error.Code);
        Assert.Contains("card", ex.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", ex.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_CleanPrompt_PlannedAsUsual()
    {
        var plan = _f.Router.Plan(RoutingFixture.Ask("guarded-block", "no secrets here"));

        Assert.Equal("mini", plan.Candidates[0].Name);
        Assert.Null(plan.PrivacyFindings);
        Assert.Null(plan.Request);
    }

    [Fact]
    public void Redact_EmailAndCard_RequestRewrittenOnlyTheConfiguredKinds()
    {
        var request = RoutingFixture.Ask("guarded-redact", $"I am jane.doe@example.com, card {Card}, phone +1 415 555 0100") with
        {
            Messages = [ChatMessage.System("be brief"), ChatMessage.User($"I am jane.doe@example.com, card {Card}, phone +1 415 555 0100")],
        };

        var plan = _f.Router.Plan(request);

        Assert.Equal(["card", "email"], plan.PrivacyFindings!.Order());
        var sent = plan.Request!;
        Assert.Equal("be brief", sent.Messages[0].Text);
        Assert.Equal("I am [REDACTED:email], card [REDACTED:card], phone +1 415 555 0100", sent.Messages[1].Text);
        Assert.Equal("mini", plan.Candidates[0].Name);
        Assert.Equal("privacy:email,card redacted -> route:guarded-redact -> mini", plan.Reason);
    }

    [Fact]
    public void Private_SecretInPrompt_SelfHostedTierOnly()
    {
        var plan = _f.Router.Plan(RoutingFixture.Ask("guarded-private", "my key is sk-proj-abcdefghijklmnopqrstuvwxyz123456"));

        Assert.Equal(["local"], plan.Candidates.Select(c => c.Name));
        Assert.Equal("privacy:api_key -> tier:private -> local (cheapest in tier)", plan.Reason);
    }

    [Fact]
    public void Private_CleanPrompt_RoutesModel()
    {
        Assert.Equal("mini", _f.Router.Plan(RoutingFixture.Ask("guarded-private", "hello")).Candidates[0].Name);
    }

    [Fact]
    public void Redact_TextParts_RedactedAndImagesKept()
    {
        var request = RoutingFixture.Ask("guarded-redact") with
        {
            Messages = [new ChatMessage { Role = ChatRole.User, Parts = [new TextPart("mail bob@corp.io"), new ImagePart("https://x.test/a.png")] }],
        };

        var sent = _f.Router.Plan(request).Request!;

        var parts = sent.Messages[0].Parts!;
        Assert.Equal("mail [REDACTED:email]", Assert.IsType<TextPart>(parts[0]).Text);
        Assert.IsType<ImagePart>(parts[1]);
    }
}
