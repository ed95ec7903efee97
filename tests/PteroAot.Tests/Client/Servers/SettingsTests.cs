using PteroAot.Servers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

public class SettingsTests
{
    [Test]
    public async Task Rename_changes_the_name_and_keeps_the_description_unless_given()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Survival().Id();

        await t.Client.Servers.RenameAsync(id, "Hardcore");
        var renamed = (await t.Client.Servers.GetAsync(id)).Attributes;
        await t.Client.Servers.RenameAsync(id, "Hardcore", "One life only");
        var described = (await t.Client.Servers.GetAsync(id)).Attributes;

        await Assert.That(renamed.Name).IsEqualTo("Hardcore");
        await Assert.That(renamed.Description).IsEqualTo("The main survival world");
        await Assert.That(described.Description).IsEqualTo("One life only");
    }

    [Test]
    public async Task Rename_with_an_empty_or_too_long_name_is_a_422_on_name()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Survival().Id();

        var empty = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Servers.RenameAsync(id, ""));
        var tooLong = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Servers.RenameAsync(id, new string('x', 192)));

        await Assert.That(empty!.FieldErrors["name"]).IsEquivalentTo(["The name field is required."]);
        await Assert.That(tooLong!.Errors[0].Rule).IsEqualTo("max");
        await Assert.That(t.Survival().Name).IsEqualTo("Survival");
    }

    [Test]
    public async Task A_subuser_without_settings_rename_is_refused()
    {
        await using var t = await TestPanel.StartAsync();

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Servers.RenameAsync(t.SharedLobby().Id(), "Mine now"));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Servers.ReinstallAsync(t.SharedLobby().Id()));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Servers.SetDockerImageAsync(t.SharedLobby().Id(), "ghcr.io/pterodactyl/yolks:java_21"));
    }

    [Test]
    public async Task Reinstall_answers_202_and_puts_the_server_into_installing()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Survival().Id();

        await t.Client.Servers.ReinstallAsync(id);
        var server = (await t.Client.Servers.GetAsync(id)).Attributes;
        var again = await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Servers.ReinstallAsync(id));

        await Assert.That(server.Status).IsEqualTo(ServerStatus.Installing);
        await Assert.That(again!.Detail).Contains("installation");
    }

    [Test]
    public async Task Docker_image_switches_to_another_egg_image()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Survival().Id();

        await t.Client.Servers.SetDockerImageAsync(id, "ghcr.io/pterodactyl/yolks:java_21");

        await Assert.That((await t.Client.Servers.GetAsync(id)).Attributes.DockerImage).IsEqualTo("ghcr.io/pterodactyl/yolks:java_21");
        await Assert.That(t.Panel.Requests.Last(r => r.Method == "PUT").Body).IsEqualTo("""{"docker_image":"ghcr.io/pterodactyl/yolks:java_21"}""");
    }

    [Test]
    public async Task Docker_image_outside_the_eggs_images_is_a_422()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Servers.SetDockerImageAsync(t.Survival().Id(), "alpine:latest"));

        await Assert.That(ex!.FieldErrors["docker_image"]).IsEquivalentTo(["The selected docker image is invalid."]);
    }

    [Test]
    public async Task Docker_image_set_by_an_administrator_cannot_be_changed()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        survival.DockerImage = "registry.example.com/custom:1";

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Servers.SetDockerImageAsync(survival.Id(), "ghcr.io/pterodactyl/yolks:java_21"));

        await Assert.That((int)ex!.StatusCode).IsEqualTo(400);
        await Assert.That(ex.Code).IsEqualTo("BadRequestHttpException");
        await Assert.That(ex.Detail).IsEqualTo("This server's Docker image has been manually set by an administrator and cannot be updated.");
        await Assert.That(survival.DockerImage).IsEqualTo("registry.example.com/custom:1");
    }
}
