namespace SocialPlanner.Web.Features.Connections;

/// <summary>Marker of the Connections pages' texts (ConnectionsStrings.resx, ConnectionsStrings.fr.resx).</summary>
public sealed class ConnectionsStrings;
