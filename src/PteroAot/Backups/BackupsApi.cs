using PteroAot.Endpoints;

namespace PteroAot.Backups;

/// <summary>A server's backups (<see cref="BackupId"/> UUIDs): list every page, create, download as a stream, lock, restore, delete.</summary>
[PteroApi(typeof(BackupsJsonContext))]
public sealed partial class BackupsApi
{
}
