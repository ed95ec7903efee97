using PteroAot.Testing;
using PteroAot.Tests.Client.Servers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Startup;

public class StartupTests
{
    [Test]
    public async Task Startup_lists_the_viewable_variables_with_the_command_and_images()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        survival.Variables.Add(new FakeVariable { Name = "Secret", EnvVariable = "SECRET_TOKEN", UserViewable = false });

        var startup = await t.Client.Startup.GetAsync(survival.Id());

        await Assert.That(startup.Items.Select(v => v.EnvVariable)).IsEquivalentTo(["SERVER_JARFILE", "MINECRAFT_VERSION", "BUILD_NUMBER"]);
        var jar = startup.Items.Single(v => v.EnvVariable == "SERVER_JARFILE");
        await Assert.That(jar.ServerValue).IsNull();
        await Assert.That(jar.EffectiveValue).IsEqualTo("server.jar");
        await Assert.That(jar.IsEditable).IsTrue();
        await Assert.That(startup.Items.Single(v => v.EnvVariable == "BUILD_NUMBER").IsEditable).IsFalse();
        await Assert.That(startup.Pagination).IsNull();
        await Assert.That(startup.Meta!.StartupCommand).IsEqualTo("java -Xms128M -Xmx1024M -jar server.jar");
        await Assert.That(startup.Meta.RawStartupCommand).IsEqualTo("java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}}");
        await Assert.That(startup.Meta.DockerImages["Java 21"]).IsEqualTo("ghcr.io/pterodactyl/yolks:java_21");
    }

    [Test]
    public async Task Updating_a_variable_returns_it_with_the_new_command()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Survival().Id();

        var updated = await t.Client.Startup.UpdateVariableAsync(id, "SERVER_JARFILE", "paper.jar");
        var version = await t.Client.Startup.UpdateVariableAsync(id, "MINECRAFT_VERSION", "1.20.6");
        var cleared = await t.Client.Startup.UpdateVariableAsync(id, "MINECRAFT_VERSION", null);

        await Assert.That(updated.Attributes.ServerValue).IsEqualTo("paper.jar");
        await Assert.That(updated.Meta!.StartupCommand).IsEqualTo("java -Xms128M -Xmx1024M -jar paper.jar");
        await Assert.That(updated.Meta.RawStartupCommand).Contains("{{SERVER_JARFILE}}");
        await Assert.That(version.Attributes.ServerValue).IsEqualTo("1.20.6");
        await Assert.That(cleared.Attributes.ServerValue).IsNull();
        await Assert.That(t.Panel.Requests.Last().Body).IsEqualTo("""{"key":"MINECRAFT_VERSION","value":null}""");
        var server = (await t.Client.Servers.GetAsync(id)).Attributes;
        await Assert.That(server.Variables!.Single(v => v.EnvVariable == "SERVER_JARFILE").ServerValue).IsEqualTo("paper.jar");
        await Assert.That(t.Survival().Activity.Any(a => a.Event == "server:startup.edit")).IsTrue();
    }

    [Test]
    public async Task Values_that_break_the_variables_rules_are_422s_on_value()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Survival().Id();

        var required = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Startup.UpdateVariableAsync(id, "SERVER_JARFILE", null));
        var regex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Startup.UpdateVariableAsync(id, "SERVER_JARFILE", "server.zip"));
        var max = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Startup.UpdateVariableAsync(id, "MINECRAFT_VERSION", new string('1', 21)));

        await Assert.That(required!.FieldErrors["value"]).IsEquivalentTo(["The value field is required."]);
        await Assert.That(required.Errors[0].Rule).IsEqualTo("required");
        await Assert.That(regex!.Errors[0].Rule).IsEqualTo("regex");
        await Assert.That(max!.FieldErrors["value"]).IsEquivalentTo(["The value may not be greater than 20 characters."]);
        await Assert.That(t.Survival().Variables.Single(v => v.EnvVariable == "SERVER_JARFILE").ServerValue).IsNull();
    }

    [Test]
    public async Task Unknown_hidden_and_read_only_variables_are_400s()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        survival.Variables.Add(new FakeVariable { Name = "Secret", EnvVariable = "SECRET_TOKEN", UserViewable = false });

        var unknown = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Startup.UpdateVariableAsync(survival.Id(), "NOPE", "x"));
        var hidden = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Startup.UpdateVariableAsync(survival.Id(), "SECRET_TOKEN", "x"));
        var readOnly = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Startup.UpdateVariableAsync(survival.Id(), "BUILD_NUMBER", "42"));

        await Assert.That((int)unknown!.StatusCode).IsEqualTo(400);
        await Assert.That(unknown.Detail).IsEqualTo("The environment variable you are trying to edit does not exist.");
        await Assert.That(hidden!.Detail).IsEqualTo("The environment variable you are trying to edit does not exist.");
        await Assert.That(readOnly!.Detail).IsEqualTo("The environment variable you are trying to edit is read-only.");
    }

    [Test]
    public async Task Startup_needs_startup_read_and_a_server_the_user_can_see()
    {
        await using var t = await TestPanel.StartAsync();

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Startup.GetAsync(t.SharedLobby().Id()));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Startup.UpdateVariableAsync(t.SharedLobby().Id(), "SERVER_JARFILE", "a.jar"));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Startup.GetAsync(t.Foreign().Id()));
    }

    [Test]
    public async Task Startup_of_a_suspended_server_is_a_409()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        survival.Status = "suspended";

        await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Startup.GetAsync(survival.Id()));
        await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Startup.UpdateVariableAsync(survival.Id(), "SERVER_JARFILE", "a.jar"));
    }
}
