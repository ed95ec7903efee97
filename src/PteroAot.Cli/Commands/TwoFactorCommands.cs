using System.CommandLine;
using PteroAot.Account;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using QRCoder;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero account 2fa show|enable|disable</c></summary>
internal static class TwoFactorCommands
{
    public static Command Build()
    {
        var group = new Command("2fa", "Two-factor authentication (TOTP) of the account.");
        group.Aliases.Add("two-factor");
        group.Add(Show());
        group.Add(Enable());
        group.Add(Disable());
        return group;
    }

    private static Command Show()
    {
        var command = new Command("show",
            "Start two-factor setup: print the otpauth URI, the secret and a QR code to scan. " +
            "The panel makes a NEW secret on every call, so scan the latest one, then run 'ptero account 2fa enable --code CODE'.");
        command.Handle(async c =>
        {
            var setup = await c.Client.Account.GetTwoFactorSetupAsync(c.CancellationToken);
            Secrets.Register(setup.Secret);
            if (c.Json)
            {
                c.WriteJson(setup, CliContext.SdkJson.TwoFactorSetup);
                return ExitCodes.Success;
            }
            c.Out.WriteLine(Qr(setup.OtpAuthUri));
            c.WriteDetails(new Details().Add("URI", setup.OtpAuthUri).Add("Secret", setup.Secret));
            c.Note("Scan the code (or type the secret) in an authenticator app, then: ptero account 2fa enable --code <6 digits>");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Enable()
    {
        var code = new Option<string?>("--code")
        {
            Description = "The current 6-digit code for the secret of the latest '2fa show'. Without it, ptero starts a new setup, " +
                          "shows the QR code and prompts for the code (needs a terminal).",
            HelpName = "123456",
        };
        code.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            if (value is not null && (value.Length != 6 || !value.All(char.IsAsciiDigit)))
                r.AddError("--code must be the 6 digits shown by the authenticator app.");
        });
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the account password from the first line of stdin." };
        var command = new Command("enable", "Turn two-factor authentication on and print the one-time recovery tokens.") { code, stdin };
        command.Handle(async c =>
        {
            bool fromStdin = c.Get(stdin);
            var given = c.Get(code);
            // Check every input source before the first request: never hang, never half-start.
            if (given is null)
                SecretInput.RequireSource(false, "--code", "the 6-digit code");
            SecretInput.RequireSource(fromStdin, "--password-stdin", "the account password");
            var client = c.Client;

            if (given is null)
            {
                var setup = await client.Account.GetTwoFactorSetupAsync(c.CancellationToken);
                Secrets.Register(setup.Secret);
                if (Term.StderrIsTerminal)
                    c.Err.WriteLine(Qr(setup.OtpAuthUri));
                c.Err.WriteLine($"URI:    {setup.OtpAuthUri}");
                c.Err.WriteLine($"Secret: {setup.Secret}");
                c.Err.WriteLine("Scan the code (or type the secret) in an authenticator app.");
                given = SecretInput.Prompt("6-digit code: ", c.CancellationToken, echo: true).Trim();
                if (given.Length != 6 || !given.All(char.IsAsciiDigit))
                    throw new UsageException("the code must be 6 digits.");
            }
            var password = c.Input.Read(fromStdin, "--password-stdin", "Password: ", c.CancellationToken);
            var tokens = await client.Account.EnableTwoFactorAsync(given, password, c.CancellationToken);
            foreach (var t in tokens.Tokens)
                Secrets.Register(t);
            if (c.Json)
            {
                c.WriteJson(tokens, CliContext.SdkJson.RecoveryTokens);
                return ExitCodes.Success;
            }
            c.Out.WriteLine("Two-factor authentication is on. Recovery tokens (each works once):");
            foreach (var t in tokens.Tokens)
                c.Out.WriteLine("  " + Term.Clean(t));
            c.Warn("the panel shows these tokens only now; store them somewhere safe.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Disable()
    {
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the account password from the first line of stdin." };
        var command = new Command("disable", "Turn two-factor authentication off (asks for the password; works with panels before and after v1.11.8).") { stdin };
        command.Handle(async c =>
        {
            bool fromStdin = c.Get(stdin);
            SecretInput.RequireSource(fromStdin, "--password-stdin", "the account password");
            var client = c.Client;
            var password = c.Input.Read(fromStdin, "--password-stdin", "Password: ", c.CancellationToken);
            await client.Account.DisableTwoFactorAsync(password, c.CancellationToken);
            c.Done("Two-factor authentication is off.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The otpauth URI as a half-block QR code (QRCoder's small ASCII graphic).</summary>
    private static string Qr(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new AsciiQRCode(data).GetGraphicSmall();
    }
}
