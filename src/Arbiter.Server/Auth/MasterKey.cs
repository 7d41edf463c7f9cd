using System.Security.Cryptography;
using System.Text;
using Arbiter.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Auth;

/// <summary>The admin API's check: the master key from <c>auth.master_key</c>, compared in constant time.</summary>
internal static class MasterKey
{
    public static ArbiterError? Check(HttpContext ctx, GatewayAccess access)
    {
        if (access.MasterKey is not { } master)
            return new ArbiterError(ErrorKind.Forbidden,
                "The admin API is off: no master key is configured. Set auth.master_key: env:ARBITER_MASTER_KEY (and the variable) to manage virtual keys.")
            { Code = "admin_disabled" };
        var token = BearerToken.From(ctx.Request);
        if (token.IsEmpty) return new ArbiterError(ErrorKind.Unauthorized, "The admin API needs the master key: 'Authorization: Bearer <master key>'.");
        // Hash both sides first: FixedTimeEquals is constant-time only for equal lengths, and the length is no secret then.
        Span<byte> presented = stackalloc byte[32], expected = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token.ToString()), presented);
        SHA256.HashData(Encoding.UTF8.GetBytes(master), expected);
        return CryptographicOperations.FixedTimeEquals(presented, expected)
            ? null
            : new ArbiterError(ErrorKind.Unauthorized, "Wrong master key for the admin API.");
    }
}
