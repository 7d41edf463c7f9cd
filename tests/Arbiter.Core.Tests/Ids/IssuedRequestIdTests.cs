using Arbiter.Core.Ids;

namespace Arbiter.Core.Tests.Ids;

public sealed class IssuedRequestIdTests
{
    [Fact]
    public void TryReadStart_AnIssuedId_GivesBackItsStart()
    {
        var at = new DateTimeOffset(2026, 11, 24, 16, 30, 1, 789, TimeSpan.FromHours(2));

        var id = IssuedRequestId.New(at);

        Assert.StartsWith("req_", id);
        Assert.Equal(IssuedRequestId.Length, id.Length);
        Assert.True(IssuedRequestId.TryReadStart(id, out var ms));
        Assert.Equal(at.ToUnixTimeMilliseconds(), ms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("trace-abc-123")]
    [InlineData("0193a1b2c3d47e8f9a0b1c2d3e4f5a6b")] // no prefix
    [InlineData("req_0193a1b2c3d47e8f9a0b1c2d3e4f5a6")] // one digit short
    [InlineData("req_0193a1b2c3d47e8f9a0b1c2d3e4f5a6bc")] // one too many
    [InlineData("req_0193A1B2C3D47E8F9A0B1C2D3E4F5A6B")] // upper case: not how ids are written
    [InlineData("req_0193a1b2c3d44e8f9a0b1c2d3e4f5a6b")] // version 4
    [InlineData("req_0193a1b2c3d47e8f9a0b1c2d3e4f5a6g")] // not hex
    [InlineData("REQ_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b")]
    public void TryReadStart_OtherShapes_Refused(string id) => Assert.False(IssuedRequestId.TryReadStart(id, out _));

    [Fact]
    public void TryReadStart_TheShapeFromAnyone_ReadsTheTimeInIt()
    {
        // A client may send an id of this shape: reading its time is all this says, not that the gateway made it.
        Assert.True(IssuedRequestId.TryReadStart("req_0123456789ab7e8f9a0b1c2d3e4f5a6b", out var ms));
        Assert.Equal(0x0123_4567_89ABL, ms);
    }
}
