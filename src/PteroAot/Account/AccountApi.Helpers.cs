using System.Net;

namespace PteroAot.Account;

// Hand-written conveniences over the generated endpoints.
public sealed partial class AccountApi
{
    // 0 = not known yet, 1 = POST .../two-factor/disable (v1.11.8+), 2 = DELETE .../two-factor (up to v1.11.7).
    private int _disableForm;

    /// <summary>Changes the account's e-mail address.</summary>
    /// <param name="email">The new address.</param>
    /// <param name="currentPassword">The account's current password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UpdateEmailAsync(string email, string currentPassword, CancellationToken cancellationToken = default)
        => UpdateEmailAsync(new UpdateEmailRequest { Email = email, Password = currentPassword }, cancellationToken);

    /// <summary>Changes the account's password (the confirmation is filled in for you).</summary>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password (at least 8 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UpdatePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default)
        => UpdatePasswordAsync(new UpdatePasswordRequest { CurrentPassword = currentPassword, Password = newPassword, PasswordConfirmation = newPassword }, cancellationToken);

    /// <summary>Turns two-factor authentication on.</summary>
    /// <param name="code">The current 6-digit code from the authenticator app.</param>
    /// <param name="password">The account password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recovery tokens; the panel shows them only now.</returns>
    public Task<RecoveryTokens> EnableTwoFactorAsync(string code, string password, CancellationToken cancellationToken = default)
        => EnableTwoFactorAsync(new EnableTwoFactorRequest { Code = code, Password = password }, cancellationToken);

    /// <summary>
    /// Turns two-factor authentication off, on any 1.x panel: v1.11.8 moved this from <c>DELETE /two-factor</c> to
    /// <c>POST /two-factor/disable</c>. The first call tries the new form and falls back on 404/405; the form that
    /// worked is remembered for this instance.
    /// </summary>
    /// <param name="password">The account password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task DisableTwoFactorAsync(string password, CancellationToken cancellationToken = default)
    {
        var request = new DisableTwoFactorRequest { Password = password };
        if (Volatile.Read(ref _disableForm) == 2)
        {
            await DisableTwoFactorLegacyAsync(request, cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            await DisableTwoFactorV1118Async(request, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _disableForm, 1);
        }
        catch (PteroApiException ex) when (_disableForm == 0 && ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            await DisableTwoFactorLegacyAsync(request, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _disableForm, 2);
        }
    }

    /// <summary>Creates a client API key and returns it with its secret; <see cref="CreatedApiKey.Token"/> is the usable bearer token, shown only once.</summary>
    /// <param name="description">A note for the key (required).</param>
    /// <param name="allowedIps">IPs or CIDR ranges to limit the key to; null for any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<CreatedApiKey> CreateApiKeyAsync(string description, IEnumerable<string>? allowedIps = null, CancellationToken cancellationToken = default)
    {
        var created = await CreateApiKeyAsync(new CreateApiKeyRequest { Description = description, AllowedIps = allowedIps?.ToArray() }, cancellationToken)
            .ConfigureAwait(false);
        if (created.Meta is not { SecretToken.Length: > 0 } secret)
            throw new PteroResponseException("the panel created the key but sent no meta.secret_token.", "POST", "/api/client/account/api-keys");
        return new CreatedApiKey(created.Attributes, secret.SecretToken);
    }

    /// <summary>Adds an SSH public key.</summary>
    /// <param name="name">A name for the key.</param>
    /// <param name="publicKey">The key in OpenSSH form.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<SshKey> CreateSshKeyAsync(string name, string publicKey, CancellationToken cancellationToken = default)
        => CreateSshKeyAsync(new CreateSshKeyRequest { Name = name, PublicKey = publicKey }, cancellationToken);

    /// <summary>Removes an SSH key by its fingerprint (<c>SHA256:...</c>).</summary>
    /// <param name="fingerprint">The fingerprint as listed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteSshKeyAsync(string fingerprint, CancellationToken cancellationToken = default)
        => DeleteSshKeyAsync(new DeleteSshKeyRequest { Fingerprint = fingerprint }, cancellationToken);
}
