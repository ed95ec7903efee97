using System.Diagnostics;
using System.Net.Http.Headers;

namespace PteroAot.Testing.Tests;

public class ProcessModeTests
{
    [Test]
    public async Task PrintsTheThreeLinesAndServes()
    {
        var dll = typeof(FakePanel).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--exit-after");
        start.ArgumentList.Add("30");
        start.ArgumentList.Add("--panel-version");
        start.ArgumentList.Add("1.11.7");
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var url = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var token = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var admin = await process.StandardOutput.ReadLineAsync(timeout.Token);
            await Assert.That(url).Matches(@"^PTERO_URL=http://127\.0\.0\.1:\d+$");
            await Assert.That(token).Matches("^PTERO_TOKEN=ptlc_[A-Za-z0-9]{43}$");
            await Assert.That(admin).Matches("^PTERO_ADMIN_TOKEN=ptla_[A-Za-z0-9]{43}$");

            using var http = new HttpClient { BaseAddress = new Uri(url!["PTERO_URL=".Length..] + "/") };
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/client/account/two-factor/disable");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token!["PTERO_TOKEN=".Length..]);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, timeout.Token);
            await Assert.That((int)response.StatusCode).IsEqualTo(404); // 1.11.7 has no POST .../disable

            using var account = new HttpRequestMessage(HttpMethod.Get, "api/client/account");
            account.Headers.Authorization = request.Headers.Authorization;
            account.Headers.Accept.ParseAdd("application/json");
            using var ok = await http.SendAsync(account, timeout.Token);
            await Assert.That(await ok.Content.ReadAsStringAsync(timeout.Token)).Contains("\"username\":\"demo\"");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    [Test]
    public async Task ExitsWhenStdinClosesIfAsked()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(FakePanel).Assembly.Location);
        start.ArgumentList.Add("--until-stdin-closes");
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var url = await process.StandardOutput.ReadLineAsync(timeout.Token);
            await Assert.That(url).StartsWith("PTERO_URL=");
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            await Assert.That(process.ExitCode).IsEqualTo(0);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
