using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace SocialPlanner.Core.Ai;

/// <summary>A validated answer and what its audit row records.</summary>
public sealed record AiResult<T>(T Answer, string Model, string Prompt, string Response, int TokensUsed, int DurationMs);

public abstract record PostStreamEvent;

/// <summary>More of the post's content, as the model writes it.</summary>
public sealed record PostDelta(string Text) : PostStreamEvent;

/// <summary>The answer so far was unusable and is being asked for again: discard the text shown.</summary>
public sealed record PostRestart(string Reason) : PostStreamEvent;

public sealed record PostCompleted(AiResult<PostAnswer> Result) : PostStreamEvent;

/// <summary>The one way to ask the configured provider for ideas, a post or variants: the same prompts, the same
/// JSON contract and the same checks whatever the provider. An answer that breaks the contract is asked for once
/// more, then reported as <see cref="AiFailure.BadOutput"/>.</summary>
public sealed class AiGenerator(IChatClient chat, AiProviderInfo provider, TimeProvider time, AiMetrics metrics)
{
    private const int Attempts = 2;

    public Task<AiResult<IdeasAnswer>> IdeasAsync(IdeasBrief brief, CancellationToken cancellationToken) =>
        RunAsync<IdeasAnswer>(AiPrompts.Ideas(brief), a => AnswerRules.Ideas(a, brief), cancellationToken);

    public Task<AiResult<PostAnswer>> PostAsync(PostBrief brief, CancellationToken cancellationToken) =>
        RunAsync<PostAnswer>(AiPrompts.Post(brief), a => AnswerRules.Post(a, brief), cancellationToken);

    public Task<AiResult<VariantsAnswer>> VariantsAsync(VariantsBrief brief, CancellationToken cancellationToken) =>
        RunAsync<VariantsAnswer>(AiPrompts.Variants(brief), a => AnswerRules.Variants(a, brief), cancellationToken);

    /// <summary>The post as it is written: content deltas, then the checked result.</summary>
    public async IAsyncEnumerable<PostStreamEvent> StreamPostAsync(PostBrief brief, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prompt = AiPrompts.Post(brief);
        var run = new Run(prompt, time.GetTimestamp());
        for (var attempt = 1; ; attempt++)
        {
            var reader = new JsonStringFieldReader("content");
            var text = new StringBuilder();
            await using var updates = chat.GetStreamingResponseAsync(prompt.Messages, Options(prompt), cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await NextAsync(updates, run))
            {
                var update = updates.Current;
                run.Model ??= update.ModelId;
                run.Tokens += update.Contents.OfType<UsageContent>().Sum(u => Tokens(u.Details));
                text.Append(update.Text);
                if (reader.Append(update.Text) is { Length: > 0 } delta)
                {
                    yield return new PostDelta(delta);
                }
            }
            var outcome = Check<PostAnswer>(text.ToString(), a => AnswerRules.Post(a, brief));
            if (outcome.Value is { } answer)
            {
                yield return new PostCompleted(Succeed(run, answer, text.ToString()));
                yield break;
            }
            if (attempt == Attempts)
            {
                throw Fail(run, AiFailure.BadOutput, BadOutputMessage(outcome.Problem), text.ToString());
            }
            yield return new PostRestart(outcome.Problem!);
        }
    }

    private async Task<AiResult<T>> RunAsync<T>(AiPrompt prompt, Func<T, Checked<T>> rules, CancellationToken cancellationToken) where T : class
    {
        var run = new Run(prompt, time.GetTimestamp());
        for (var attempt = 1; ; attempt++)
        {
            ChatResponse response;
            try
            {
                response = await chat.GetResponseAsync(prompt.Messages, Options(prompt), cancellationToken);
            }
            catch (AiProviderUnavailableException e)
            {
                throw Fail(run, AiFailure.Unavailable, e.Message, "", e);
            }
            run.Model ??= response.ModelId;
            run.Tokens += Tokens(response.Usage);
            var outcome = Check(response.Text, rules);
            if (outcome.Value is { } answer)
            {
                return Succeed(run, answer, response.Text);
            }
            if (attempt == Attempts)
            {
                throw Fail(run, AiFailure.BadOutput, BadOutputMessage(outcome.Problem), response.Text);
            }
        }
    }

    private async ValueTask<bool> NextAsync(IAsyncEnumerator<ChatResponseUpdate> updates, Run run)
    {
        try
        {
            return await updates.MoveNextAsync();
        }
        catch (AiProviderUnavailableException e)
        {
            throw Fail(run, AiFailure.Unavailable, e.Message, "", e);
        }
    }

    private static Checked<T> Check<T>(string text, Func<T, Checked<T>> rules) where T : class
    {
        var parsed = AnswerRules.Parse<T>(text);
        return parsed.Value is { } value ? rules(value) : parsed;
    }

    private AiResult<T> Succeed<T>(Run run, T answer, string response)
    {
        var result = new AiResult<T>(answer, run.ModelOr(provider.Model), run.Prompt.Text, response, run.Tokens, run.ElapsedMs(time));
        metrics.Generated(run.Prompt.Type, result.Model, result.TokensUsed, result.DurationMs, success: true);
        return result;
    }

    private AiGenerationException Fail(Run run, AiFailure failure, string message, string response, Exception? inner = null)
    {
        var error = new AiGenerationException(failure, message, inner)
        {
            Model = run.ModelOr(provider.Model), Prompt = run.Prompt.Text, Response = response,
            TokensUsed = run.Tokens, DurationMs = run.ElapsedMs(time),
        };
        metrics.Generated(run.Prompt.Type, error.Model, error.TokensUsed, error.DurationMs, success: false);
        return error;
    }

    private static string BadOutputMessage(string? problem) =>
        $"The AI provider answered twice with output that does not follow the expected JSON contract ({problem})";

    private static ChatOptions Options(AiPrompt prompt) => new() { ResponseFormat = prompt.Format, Temperature = 0.7f };

    private static int Tokens(UsageDetails? usage) =>
        (int)(usage?.TotalTokenCount ?? (usage?.InputTokenCount ?? 0) + (usage?.OutputTokenCount ?? 0));

    /// <summary>What one generation accumulates across its attempts.</summary>
    private sealed class Run(AiPrompt prompt, long started)
    {
        public AiPrompt Prompt { get; } = prompt;

        public string? Model { get; set; }

        public int Tokens { get; set; }

        public string ModelOr(string configured) => string.IsNullOrEmpty(Model) ? configured : Model;

        public int ElapsedMs(TimeProvider time) => (int)time.GetElapsedTime(started).TotalMilliseconds;
    }
}

/// <summary>The model configured as primary ("local-composer" when none is): the audit's model when the provider
/// names none.</summary>
public sealed record AiProviderInfo(string Model);
