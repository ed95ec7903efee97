using System.CommandLine;
using PteroAot.Cli.Infrastructure;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero settings rename|reinstall|docker-image</c></summary>
internal static class SettingsCommands
{
    public static Command Build()
    {
        var group = new Command("settings", "Server settings: name, reinstall, Docker image.");
        group.Add(Rename());
        group.Add(Reinstall());
        group.Add(DockerImage());
        return group;
    }

    private static Command Rename()
    {
        var server = Args.Server();
        var name = new Argument<string>("name") { Description = "The new name." };
        var description = new Option<string?>("--description") { Description = "A new description.", HelpName = "text" };
        var command = new Command("rename", "Rename the server.") { server, name, description };
        command.Handle(async c =>
        {
            await c.Client.Servers.RenameAsync(c.Get(server), c.Get(name), c.Get(description), c.CancellationToken);
            c.Done($"Renamed to {c.Get(name)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Reinstall()
    {
        var server = Args.Server();
        var yes = new Option<bool>("--yes") { Description = "Confirm: the install script runs again and may overwrite files." };
        var command = new Command("reinstall", "Run the egg's install script again (needs --yes).") { server, yes };
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException("reinstalling may overwrite files; add --yes to confirm.");
            await c.Client.Servers.ReinstallAsync(c.Get(server), c.CancellationToken);
            c.Done("Reinstall started.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DockerImage()
    {
        var server = Args.Server();
        var image = new Argument<string>("image") { Description = "One of the egg's images (see 'ptero startup list --output json')." };
        var command = new Command("docker-image", "Change the server's Docker image.") { server, image };
        command.Handle(async c =>
        {
            await c.Client.Servers.SetDockerImageAsync(c.Get(server), c.Get(image), c.CancellationToken);
            c.Done($"Docker image set to {c.Get(image)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
