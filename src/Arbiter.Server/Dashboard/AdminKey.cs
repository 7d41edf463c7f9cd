using System.Security.Cryptography;
using System.Text;
using Arbiter.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Dashboard;

/// <summary>
/// Guards /admin/kpis: with a key configured, the caller must send <c>Authorization: Bearer KEY</c>. Only the key's
/// SHA-256 is kept, and hashes are compared in constant time. Without a key the endpoint is open (loopback only).
/// </summary>
internal sealed class AdminKey
{
    private readonly byte[]? _hash;

    public AdminKey(string? key) => _hash = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Required => _hash is not null;

    /// <summary>Null when the caller may pass, else the 401 to answer.</summary>
    public ArbiterError? Check(HttpRequest request)
    {
        if (_hash is null) return null;
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return new ArbiterError(ErrorKind.Unauthorized, "This admin endpoint needs the admin key: send Authorization: Bearer <key>.");
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[bearer.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, _hash) ? null
            : new ArbiterError(ErrorKind.Unauthorized, "The admin key is not valid.");
    }
}
