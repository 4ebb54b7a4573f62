using Microsoft.EntityFrameworkCore.Design;

namespace SocialPlanner.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a host. Adding a migration never connects, so the
/// connection string only needs to parse.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(AppDatabase.OwnerOptions(AppDatabase.BuildDataSource("Host=localhost;Database=socialplanner")));
}
