using Microsoft.EntityFrameworkCore.Migrations;

namespace SocialPlanner.Core.Data.Migrations;

/// <summary>The three non-owner roles, their grants and their row-level-security policies. The owner (who runs
/// migrations) bypasses RLS; services switch to one of these roles on every connection, so a query that forgets
/// its <c>WHERE user_id = …</c> still sees only that user's rows. A later migration that adds a table must
/// grant it here-style too: there are no default privileges.</summary>
public partial class RowLevelSecurity : Migration
{
    private const string App = DbRoles.App;
    private const string Auth = DbRoles.Auth;
    private const string Worker = DbRoles.Worker;
    private static readonly string[] Roles = [App, Auth, Worker];

    /// <summary>Tables whose rows belong to one user, with the column naming that user.</summary>
    private static readonly (string Table, string Owner)[] UserOwnedTables =
    [
        ("users", "id"), ("posts", "user_id"), ("templates", "user_id"), ("media", "user_id"),
        ("ai_generations", "user_id"), ("social_connections", "user_id"), ("post_publications", "user_id"),
        ("refresh_tokens", "user_id"), ("user_claims", "user_id"), ("user_logins", "user_id"), ("user_tokens", "user_id"),
    ];

    /// <summary>Sign-in, sign-up, refresh and reset: accounts and their credentials, nothing of their content.</summary>
    private static readonly string[] AuthTables = ["users", "refresh_tokens", "user_claims", "user_logins", "user_tokens"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateRoles(migrationBuilder);
        migrationBuilder.Sql($"""
            CREATE FUNCTION app_current_user_id() RETURNS uuid LANGUAGE sql STABLE AS
              $$ SELECT NULLIF(current_setting('{DbSessionConnectionInterceptor.UserIdSetting}', true), '')::uuid $$;
            GRANT USAGE ON SCHEMA public TO {App}, {Auth}, {Worker};
            GRANT SELECT, INSERT ON data_protection_keys TO {App}, {Auth}, {Worker};
            GRANT USAGE ON SEQUENCE data_protection_keys_id_seq TO {App}, {Auth}, {Worker};
            GRANT USAGE ON SEQUENCE user_claims_id_seq TO {App}, {Auth};
            """);

        foreach (var (table, owner) in UserOwnedTables)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {App};
                CREATE POLICY app_own_rows ON {table} FOR ALL TO {App}
                  USING ({owner} = app_current_user_id())
                  WITH CHECK ({owner} = app_current_user_id() {ExtraAppCheck(table)});
                """);
        }

        // posts_media has no user column: a link is the user's when its post is, and it may only point at their media.
        migrationBuilder.Sql($"""
            ALTER TABLE posts_media ENABLE ROW LEVEL SECURITY;
            GRANT SELECT, INSERT, UPDATE, DELETE ON posts_media TO {App};
            CREATE POLICY app_own_rows ON posts_media FOR ALL TO {App}
              USING (EXISTS (SELECT 1 FROM posts p WHERE p.id = post_id AND p.user_id = app_current_user_id()))
              WITH CHECK (EXISTS (SELECT 1 FROM posts p WHERE p.id = post_id AND p.user_id = app_current_user_id())
                      AND EXISTS (SELECT 1 FROM media m WHERE m.id = media_id AND m.user_id = app_current_user_id()));
            """);

        foreach (var table in AuthTables)
        {
            migrationBuilder.Sql($"""
                GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {Auth};
                CREATE POLICY auth_all_rows ON {table} FOR ALL TO {Auth} USING (true) WITH CHECK (true);
                """);
        }

        // Publishing reads and advances every user's schedule; it never deletes, and reads of users stop at
        // what an email needs (no password hashes, no security stamps).
        migrationBuilder.Sql($"""
            GRANT SELECT, UPDATE ON posts, post_publications, social_connections TO {Worker};
            GRANT INSERT ON post_publications TO {Worker};
            GRANT SELECT ON media, posts_media TO {Worker};
            GRANT SELECT (id, email, user_name, time_zone) ON users TO {Worker};
            """);
        foreach (var table in new[] { "posts", "post_publications", "social_connections", "media", "posts_media", "users" })
        {
            migrationBuilder.Sql($"CREATE POLICY worker_read_all ON {table} FOR SELECT TO {Worker} USING (true);");
        }

        foreach (var table in new[] { "posts", "post_publications", "social_connections" })
        {
            migrationBuilder.Sql(
                $"CREATE POLICY worker_update_all ON {table} FOR UPDATE TO {Worker} USING (true) WITH CHECK (true);");
        }

        migrationBuilder.Sql(
            $"CREATE POLICY worker_insert_all ON post_publications FOR INSERT TO {Worker} WITH CHECK (true);");
    }

    /// <summary>Foreign keys are checked past RLS, so without these a user could attach another user's template
    /// to a post, or queue a publication of another user's post, by guessing its id.</summary>
    private static string ExtraAppCheck(string table) => table switch
    {
        "posts" => "AND (template_id IS NULL OR EXISTS "
            + "(SELECT 1 FROM templates t WHERE t.id = template_id AND t.user_id = app_current_user_id()))",
        "post_publications" => "AND EXISTS "
            + "(SELECT 1 FROM posts p WHERE p.id = post_id AND p.user_id = app_current_user_id())",
        _ => "",
    };

    /// <summary>Roles belong to the whole cluster, which may hold other databases (tests, replicas migrating at once):
    /// creating them must tolerate their existence. The migrating user must be a member to SET ROLE to them.</summary>
    private static void CreateRoles(MigrationBuilder migrationBuilder)
    {
        foreach (var role in Roles)
        {
            migrationBuilder.Sql($"""
                DO $$
                BEGIN
                  CREATE ROLE {role} NOLOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$;
                DO $$
                BEGIN
                  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                    EXECUTE format('GRANT %I TO %I', '{role}', current_user);
                  END IF;
                END $$;
                """);
        }
    }

    /// <summary>Leaves the roles in place: other databases of the cluster may still use them.</summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in UserOwnedTables.Select(t => t.Table).Append("posts_media"))
        {
            migrationBuilder.Sql($"""
                DROP POLICY IF EXISTS app_own_rows ON {table};
                DROP POLICY IF EXISTS auth_all_rows ON {table};
                DROP POLICY IF EXISTS worker_read_all ON {table};
                DROP POLICY IF EXISTS worker_update_all ON {table};
                DROP POLICY IF EXISTS worker_insert_all ON {table};
                ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
                """);
        }

        migrationBuilder.Sql($"""
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {App}, {Auth}, {Worker};
            REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {App}, {Auth}, {Worker};
            REVOKE USAGE ON SCHEMA public FROM {App}, {Auth}, {Worker};
            DROP FUNCTION app_current_user_id();
            """);
    }
}
