using Arbiter.Core.Chat;

namespace Arbiter.Core.Tests.Chat;

public sealed class ContentPartTests
{
    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "image/png", "iVBORw0KGgo=")]
    [InlineData("data:image/jpeg;base64,/9j/4AAQ", "image/jpeg", "/9j/4AAQ")]
    [InlineData("data:application/pdf;base64,", "application/pdf", "")]
    public void TryGetInlineData_Base64DataUri_SplitsMediaTypeAndData(string url, string mediaType, string data)
    {
        Assert.True(new ImagePart(url).TryGetInlineData(out var m, out var b));
        Assert.Equal(mediaType, m);
        Assert.Equal(data, b);
    }

    [Theory]
    [InlineData("https://example.com/cat.png")]
    [InlineData("http://example.com/data:image/png;base64,x")]
    [InlineData("data:image/png,rawbytes")]
    [InlineData("data:text/plain,hello;base64")]
    [InlineData("data:image/png;base64")]
    public void TryGetInlineData_NotBase64DataUri_FalseAndEmptyOutputs(string url)
    {
        Assert.False(new ImagePart(url).TryGetInlineData(out var m, out var b));
        Assert.Equal("", m);
        Assert.Equal("", b);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    public void AllText_TextMessage_TextOrEmpty(string? text, string expected)
    {
        Assert.Equal(expected, new ChatMessage { Role = ChatRole.User, Text = text }.AllText());
    }

    [Fact]
    public void AllText_Parts_ConcatenatesTextSkippingImagesAndRaw()
    {
        var m = new ChatMessage
        {
            Role = ChatRole.User,
            Parts = [new TextPart("a"), new ImagePart("https://x/y.png"), new RawPart("input_audio", default), new TextPart("b")],
        };

        Assert.Equal("ab", m.AllText());
    }
}
