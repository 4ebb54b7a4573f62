using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Api;

/// <summary>Issue #14 §1: no input reaches a 500. Table-driven over the Api's own OpenAPI document: every operation
/// that takes a JSON body gets, field by field, text that cannot be stored (a lone UTF-16 surrogate, a NUL), values
/// of the wrong type, out-of-range numbers, unknown enum values, over-long strings, and bodies of the wrong shape;
/// every one must be answered with a 4xx in the spec's error format, and the text that cannot be stored with a 400
/// naming the field. The same for query parameters, and for every malformed <c>Authorization</c> header.</summary>
[Collection(AppCollection.Name)]
public sealed class MalformedInputTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Raw JSON values, written as the client would send them (escapes kept as escapes).</summary>
    private static readonly (string Name, string Json)[] Unstorable =
    [
        ("lone surrogate", "\"before \\ud800 after\""),
        ("NUL", "\"before \\u0000 after\""),
    ];

    private static readonly (string Name, string Json)[] WrongValues =
    [
        ("over-long string", "\"" + new string('x', 200_000) + "\""),
        ("number", "1e400"),
        ("negative number", "-99999999999999999999"),
        ("array", "[1, 2]"),
        ("object", "{\"a\": {\"b\": []}}"),
        ("unknown enum value", "\"no_such_value\""),
        ("boolean", "true"),
    ];

    private static readonly string[] WrongBodies = ["[]", "\"text\"", "42", "{", "{\"a\":", "null", "{\"content\": \"\\ud800\"}"];

    [Fact]
    public async Task Every_json_field_of_every_operation_refuses_unstorable_text_with_a_400_naming_the_field()
    {
        var failures = new List<string>();
        foreach (var operation in await JsonOperationsAsync())
        {
            var user = await app.RegisterAsync();
            var before = await ListSizesAsync(user);
            foreach (var field in operation.Fields)
            {
                foreach (var (name, json) in Unstorable)
                {
                    var (status, error) = await SendAsync(user, operation, $"{{\"{field}\": {json}}}");
                    if (status != HttpStatusCode.BadRequest || !NamesField(error, field))
                    {
                        failures.Add($"{operation} field {field} with a {name}: {(int)status} {error?.ToJsonString()}");
                    }
                }
            }
            // A refused request writes nothing: the user's lists are as they were before.
            var after = await ListSizesAsync(user);
            if (!after.SequenceEqual(before))
            {
                failures.Add($"{operation}: refused requests changed the user's posts/templates/media from {string.Join("/", before)} to {string.Join("/", after)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_json_field_of_every_operation_answers_wrong_values_and_wrong_bodies_with_a_4xx_in_the_error_format()
    {
        var failures = new List<string>();
        foreach (var operation in await JsonOperationsAsync())
        {
            var user = await app.RegisterAsync();
            var bodies = operation.Fields.SelectMany(f => WrongValues.Select(v => ($"{f} as {v.Name}", $"{{\"{f}\": {v.Json}}}")))
                .Concat(WrongBodies.Select(b => ($"body {b}", b)));
            foreach (var (what, body) in bodies)
            {
                var (status, error) = await SendAsync(user, operation, body);
                if (IsServerError(status) || (int)status >= 400 && error is null)
                {
                    failures.Add($"{operation} {what}: {(int)status} {error?.ToJsonString()}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<int[]> ListSizesAsync(TestUser user)
    {
        var sizes = new List<int>();
        foreach (var list in new[] { "/api/content/posts", "/api/templates", "/api/media" })
        {
            using var response = await user.Http.GetAsync(list, Ct);
            sizes.Add((await response.ReadJsonAsync())["data"]!.AsArray().Count);
        }
        return [.. sizes];
    }

    [Fact]
    public async Task Query_parameters_with_unstorable_text_are_refused_with_a_400_naming_the_parameter()
    {
        var user = await app.RegisterAsync();
        foreach (var (path, parameter) in new[] { ("/api/content/posts", "search"), ("/api/templates", "category"), ("/api/media", "tag"), ("/api/calendar/posts", "tz") })
        {
            foreach (var value in new[] { "%00", "a%00b" })
            {
                using var response = await user.Http.GetAsync($"{path}?{parameter}={value}", Ct);
                var error = await ErrorOfAsync(response);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest && NamesField(error, parameter),
                    $"GET {path}?{parameter}={value}: {(int)response.StatusCode} {error?.ToJsonString()}");
            }
        }
    }

    public static TheoryData<string> MalformedAuthorizations => new()
    {
        "", "Bearer", "Bearer ", "Bearer  ", "bearer", "Basic dXNlcjpwYXNz", "Bearer a b", "Bearer not.a.jwt", "Token abc",
        "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig junk", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.", "Bearer ....", "Bearer =",
    };

    [Theory]
    [MemberData(nameof(MalformedAuthorizations))]
    public async Task A_malformed_authorization_header_is_ignored_on_anonymous_endpoints_and_refused_with_401_elsewhere(string header)
    {
        using var http = app.CreateHttpClient("api");
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            // An email of its own: the sign-in throttle counts failures per email.
            Content = new StringContent($"{{\"email\":\"{ApiClient.UniqueEmail()}\",\"password\":\"Wrong-pass-1!\"}}", Encoding.UTF8, "application/json"),
        };
        login.Headers.TryAddWithoutValidation("Authorization", header);
        using var loginResponse = await http.SendAsync(login, Ct);
        Assert.True(loginResponse.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest,
            $"login with Authorization '{header}': {(int)loginResponse.StatusCode}");
        Assert.NotNull(await ErrorOfAsync(loginResponse));

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.TryAddWithoutValidation("Authorization", header);
        using var meResponse = await http.SendAsync(me, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, meResponse.StatusCode);
        Assert.NotNull(await ErrorOfAsync(meResponse));
    }

    /// <summary>A NUL in the path never reaches us: Kestrel refuses the request line itself with an empty 400
    /// (documented in docs/architecture.md). What matters is that it is refused, and not as a server error.</summary>
    [Fact]
    public async Task A_path_holding_a_nul_is_refused_by_the_server_before_any_of_our_code()
    {
        var user = await app.RegisterAsync();
        foreach (var path in new[] { "/api/content/posts/%00", "/api/templates/a%00b", "/api/media%00" })
        {
            using var response = await user.Http.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static bool IsServerError(HttpStatusCode status) => (int)status >= 500;

    private static bool NamesField(JsonNode? error, string field) =>
        error?["errors"] is JsonArray errors && errors.Any(e => e?["field"]?.GetValue<string>() == field);

    private async Task<(HttpStatusCode Status, JsonNode? Error)> SendAsync(TestUser user, Operation operation, string body)
    {
        using var request = new HttpRequestMessage(operation.Method, operation.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await user.Http.SendAsync(request, Ct);
        return (response.StatusCode, await ErrorOfAsync(response));
    }

    /// <summary>The <c>error</c> object when the body is the spec's error format (status matching), else null.</summary>
    private static async Task<JsonNode?> ErrorOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        try
        {
            var error = JsonNode.Parse(text)?["error"];
            return error?["status"]?.GetValue<int>() == (int)response.StatusCode && error["type"] is not null && error["detail"] is not null
                ? error : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record Operation(HttpMethod Method, string Path, IReadOnlyList<string> Fields)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>Every operation of the Api's OpenAPI document whose body is JSON, with the top-level properties of its
    /// body schema (path parameters filled with a fresh id or a known value).</summary>
    private async Task<IReadOnlyList<Operation>> JsonOperationsAsync()
    {
        using var http = app.CreateHttpClient("api");
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Ct))!;
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema)
                {
                    continue;
                }
                var properties = Resolve(document, schema)?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
                // A body bound as raw JSON has no schema properties: probe the fields its endpoint reads.
                if (properties.Count == 0)
                {
                    properties = ["content", "platform", "hashtags", "title", "alt_text", "tags", "name"];
                }
                operations.Add(new Operation(new HttpMethod(method.ToUpperInvariant()), FillPath(path), properties));
            }
        }
        // The document must describe the endpoints whose bodies are bound by hand (raw JSON) as well as the typed ones.
        Assert.Contains(operations, o => o.Method == HttpMethod.Post && o.Path == "/api/content/posts");
        Assert.Contains(operations, o => o.Method == HttpMethod.Post && o.Path == "/api/auth/register");
        Assert.Contains(operations, o => o.Method == HttpMethod.Post && o.Path == "/api/templates");
        return operations;
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference.Split('/')[^1]]
            : schema;

    private static string FillPath(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m =>
        m.Groups[1].Value == "platform" ? "linkedin" : Guid.NewGuid().ToString());
}
