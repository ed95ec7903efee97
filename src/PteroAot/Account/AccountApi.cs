using PteroAot.Endpoints;
using PteroAot.Json;

namespace PteroAot.Account;

/// <summary>
/// The account area of the Client API (<c>/api/client/account</c>): details, e-mail and password, API keys,
/// two-factor authentication, SSH keys and the activity log. Needs a client key (<c>ptlc_</c>).
/// </summary>
[PteroApi(typeof(PteroJsonContext))]
public sealed partial class AccountApi
{
    /// <summary>Gets the account behind the key. Works even when the panel requires two-factor setup first.</summary>
    [Get("/api/client/account")]
    public partial Task<AccountDetails> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes the account's e-mail address. The current password is checked first (wrong: 400).</summary>
    /// <exception cref="PteroApiException">400 for a wrong password.</exception>
    /// <exception cref="PteroValidationException">422 for an invalid or taken address.</exception>
    [Put("/api/client/account/email")]
    public partial Task UpdateEmailAsync([Body] UpdateEmailRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes the account's password. The current password is checked first (wrong: 400).</summary>
    /// <exception cref="PteroValidationException">422 when the new password is shorter than 8 characters or not confirmed.</exception>
    [Put("/api/client/account/password")]
    public partial Task UpdatePasswordAsync([Body] UpdatePasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts two-factor setup: the panel makes and stores a new TOTP secret on every call and returns it with its
    /// <c>otpauth://</c> URI. Fails with 400 when two-factor authentication is already on.
    /// </summary>
    [Get("/api/client/account/two-factor")]
    [Envelope(Envelope.Data)]
    public partial Task<TwoFactorSetup> GetTwoFactorSetupAsync(CancellationToken cancellationToken = default);

    /// <summary>Turns two-factor authentication on with a current TOTP code; returns the one-time recovery tokens.</summary>
    [Post("/api/client/account/two-factor")]
    public partial Task<RecoveryTokens> EnableTwoFactorAsync([Body] EnableTwoFactorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Two-factor disable as panels from v1.11.8 take it. Prefer <see cref="DisableTwoFactorAsync(string, CancellationToken)"/>, which works with every panel.</summary>
    [Post("/api/client/account/two-factor/disable")]
    public partial Task DisableTwoFactorV1118Async([Body] DisableTwoFactorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Two-factor disable as panels up to v1.11.7 take it. Prefer <see cref="DisableTwoFactorAsync(string, CancellationToken)"/>.</summary>
    [Delete("/api/client/account/two-factor")]
    public partial Task DisableTwoFactorLegacyAsync([Body] DisableTwoFactorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets one page of the account's activity log, newest first by default.</summary>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 25, at most 100).</param>
    /// <param name="eventFilter">Keeps events whose name contains this text.</param>
    /// <param name="sort"><c>timestamp</c> (oldest first) or <c>-timestamp</c>.</param>
    /// <param name="include"><c>actor</c> to include who did each action.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/account/activity")]
    public partial Task<ResourceList<ActivityLogEntry>> ListActivityAsync(
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        [Query("filter[event]")] string? eventFilter = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the account's activity log lazily, one request per page.</summary>
    /// <param name="perPage">Page size (default 25, at most 100).</param>
    /// <param name="eventFilter">Keeps events whose name contains this text.</param>
    /// <param name="sort"><c>timestamp</c> (oldest first) or <c>-timestamp</c>.</param>
    /// <param name="include"><c>actor</c> to include who did each action.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/client/account/activity")]
    public partial IAsyncEnumerable<ActivityLogEntry> EnumerateActivityAsync(
        [Query("per_page")] int? perPage = null,
        [Query("filter[event]")] string? eventFilter = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the account's client API keys (never their secrets).</summary>
    [Get("/api/client/account/api-keys")]
    public partial Task<ResourceList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a client API key; the raw response with the secret in <c>meta</c>. Prefer <see cref="CreateApiKeyAsync(string, IEnumerable{string}?, CancellationToken)"/>.</summary>
    [Post("/api/client/account/api-keys")]
    public partial Task<Resource<ApiKey, ApiKeySecret>> CreateApiKeyAsync([Body] CreateApiKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a client API key by its 16-character identifier (404 when the account has no such key).</summary>
    /// <param name="identifier">The key's identifier, e.g. <c>ptlc_Kq8Zr2Lw9Tx</c> (not the full token).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Delete("/api/client/account/api-keys/{identifier}")]
    public partial Task DeleteApiKeyAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's SSH keys.</summary>
    [Get("/api/client/account/ssh-keys")]
    public partial Task<ResourceList<SshKey>> ListSshKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an SSH public key (422 when it does not parse, is DSA, is RSA under 2048 bits, or is already there).</summary>
    [Post("/api/client/account/ssh-keys")]
    public partial Task<SshKey> CreateSshKeyAsync([Body] CreateSshKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes an SSH key by fingerprint. The panel answers 204 even when no key matched.</summary>
    [Post("/api/client/account/ssh-keys/remove")]
    public partial Task DeleteSshKeyAsync([Body] DeleteSshKeyRequest request, CancellationToken cancellationToken = default);
}
