using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Radzen;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Ideas;
using SocialPlanner.Web.Features.Templates;

namespace SocialPlanner.Web.Features.Posts;

public partial class Editor
{
    /// <summary>Save this long after the last keystroke, like Buffer and Later: often enough to lose nothing, rarely enough not to conflict.</summary>
    public static readonly TimeSpan AutoSaveDelay = TimeSpan.FromSeconds(30);

    [Parameter] public Guid? Id { get; set; }
    /// <summary>From the calendar: the empty slot the user clicked (an instant).</summary>
    [SupplyParameterFromQuery(Name = "at")] public string? At { get; set; }
    /// <summary>From the Ideas page: generate this idea straight into the editor.</summary>
    [SupplyParameterFromQuery(Name = "idea")] public string? Idea { get; set; }
    [SupplyParameterFromQuery(Name = "platform")] public string? PlatformQuery { get; set; }
    [SupplyParameterFromQuery(Name = "tone")] public string? Tone { get; set; }
    [SupplyParameterFromQuery(Name = "length")] public string? Length { get; set; }

    private readonly PostEditorState _state = new();
    private Timer? _autoSave;
    private IDisposable? _leaving;
    private bool _saving;
    private bool _conflict;
    private DateTime? _theirsSavedAt;
    private DateTime? _lastSavedAt;
    private bool _generating;
    private string _ideaText = "";
    private string _tone = "professional";
    private string _length = "medium";
    private DateTime? _scheduleLocal;
    private bool _leaveWithoutSaving;
    private bool _generateOnceRendered;
    private EditorAiPanel? _ai;

    private bool IsPublished => _state.Status == PostStatus.Published;

    private string Heading => _state.IsNew ? L["Editor.New"] : IsPublished ? L["Editor.Published"] : L["Editor.Edit"];

    private string Author => Clock.Email.Split('@')[0] is { Length: > 0 } name ? name : L["Editor.You"];

    /// <summary>The connected accounts' names, so each preview shows who will post it (the e-mail's name otherwise).</summary>
    private IReadOnlyDictionary<Network, ConnectedAccount> _accounts = new Dictionary<Network, ConnectedAccount>();

    /// <summary>What the stars are for (issue #16 §9: they were unexplained): the spec's rating of a text's quality.</summary>
    private string RatingHint => _state.AiGenerated
        ? L["Editor.RatingHintAi"]
        : L["Editor.RatingHint"];

    private string SaveStateText => _conflict ? L["Editor.State.Conflict"]
        : _saving ? L["Editor.State.Saving"]
        : _state.IsDirty ? L["Editor.State.Unsaved"]
        : _lastSavedAt is { } at ? L["Editor.State.SavedAt", at]
        : _state.IsNew ? L["Editor.State.NotYet"] : L["Editor.State.AllSaved"];

    protected override async Task OnInitializedAsync()
    {
        await Errors.TryAsync(() => Clock.LoadAsync());
        _accounts = (await Errors.TryAsync(() => Connections.ListAsync()) ?? [])
            .Where(c => c.IsActive && !string.IsNullOrWhiteSpace(c.ProfileName))
            .ToDictionary(c => c.Platform == SocialPlanner.Web.Features.Connections.SocialPlatform.Linkedin ? Network.LinkedIn : Network.Instagram, c => new ConnectedAccount(c.ProfileName!, c.ProfilePictureUrl));
        _leaving = Navigation.RegisterLocationChangingHandler(OnLeavingAsync);
        if (Id is { } id)
        {
            if (await Errors.TryAsync(() => Posts.GetAsync(id)) is { } post)
            {
                _state.Load(post);
                _scheduleLocal = post.ScheduledAt is { } s ? Clock.ToLocal(s) : null;
                _ideaText = post.IdeaSource ?? "";
            }
            return;
        }
        if (Enum.TryParse<PostPlatform>(PlatformQuery, ignoreCase: true, out var platform))
        {
            _state.SetPlatform(platform);
        }
        if (DateTimeOffset.TryParse(At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var slot))
        {
            _scheduleLocal = Clock.ToLocal(slot);
        }
        _tone = AiChoices.Tones.Contains(Tone) ? Tone! : _tone;
        _length = AiChoices.Lengths.Contains(Length) ? Length! : _length;
        _ideaText = Idea ?? "";
        _generateOnceRendered = !string.IsNullOrWhiteSpace(Idea);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Started once the page is ready and shown, so the user watches the text arrive.
        if (_generateOnceRendered && _ai is not null)
        {
            _generateOnceRendered = false;
            await _ai.GenerateAsync();
        }
    }

    private void OnContentInput(ChangeEventArgs e) => Change(() => _state.SetContent(e.Value?.ToString() ?? ""));

    private void OnHashtagsInput(ChangeEventArgs e) => Change(() => _state.SetHashtags(e.Value?.ToString() ?? ""));

    private void OnPlatformChanged(PostPlatform platform) => Change(() => _state.SetPlatform(platform));

    /// <summary>Every edit restarts the auto-save countdown.</summary>
    private void Change(Action edit)
    {
        edit();
        _autoSave ??= new Timer(_ => InvokeAsync(() => SaveAsync(overwrite: false)));
        _autoSave.Change(AutoSaveDelay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Replaces the address and returns once the browser has reported it back: Radzen closes every open
    /// dialog on a location change, so a card that saves first and then opens a dialog (variants) must not see that
    /// change arrive after its dialog has opened.</summary>
    private async Task MoveAddressAsync(string uri)
    {
        var moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnMoved(object? sender, LocationChangedEventArgs e) => moved.TrySetResult();
        Navigation.LocationChanged += OnMoved;
        try
        {
            Navigation.NavigateTo(uri, new NavigationOptions { ReplaceHistoryEntry = true });
            await Task.WhenAny(moved.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            Navigation.LocationChanged -= OnMoved;
        }
    }

    private async Task<bool> SaveAsync(bool overwrite)
    {
        if (_saving || !_state.CanSave || (!_state.IsDirty && !overwrite && !_state.IsNew))
        {
            return !_saving;
        }
        _saving = true;
        _autoSave?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        StateHasChanged();
        var sentContent = _state.Content;
        var sentHashtags = _state.HashtagsText;
        try
        {
            var saved = _state.Id is { } id
                ? await Posts.UpdateAsync(id, _state.ToUpdate(overwrite))
                : await Posts.CreateAsync(_state.ToCreate());
            var wasNew = _state.IsNew;
            _state.Saved(saved, changedSinceSending: sentContent != _state.Content || sentHashtags != _state.HashtagsText);
            _conflict = false;
            _lastSavedAt = Clock.Now;
            if (wasNew)
            {
                // The address now names the post, so a reload or a shared link opens it (no navigation, no re-render).
                await MoveAddressAsync($"posts/{saved.Id}");
            }
            return true;
        }
        catch (ApiException e) when (e.Status == 409)
        {
            _conflict = true;
            _theirsSavedAt = await Errors.TryAsync(() => Posts.GetAsync(_state.Id!.Value)) is { } theirs ? Clock.ToLocal(theirs.UpdatedAt) : null;
            return false;
        }
        catch (ApiException e)
        {
            Errors.Show(e);
            return false;
        }
        finally
        {
            _saving = false;
            StateHasChanged();
        }
    }

    private async Task ReloadTheirsAsync()
    {
        if (_state.Id is { } id && await Errors.TryAsync(() => Posts.GetAsync(id)) is { } theirs)
        {
            _state.Load(theirs);
            _conflict = false;
        }
    }

    /// <summary>Leaving saves first; if that fails the user stays, told why, and may leave on the next try.</summary>
    private async ValueTask OnLeavingAsync(LocationChangingContext context)
    {
        if (!_state.IsDirty || !_state.CanSave || _leaveWithoutSaving || context.TargetLocation.Contains($"posts/{_state.Id}", StringComparison.Ordinal))
        {
            return;
        }
        if (!await SaveAsync(overwrite: false))
        {
            _leaveWithoutSaving = true;
            Errors.Warning(L["Editor.LeaveUnsaved"], L["Editor.LeaveUnsavedDetail"]);
            context.PreventNavigation();
        }
    }

    private async Task RateAsync(int rating)
    {
        if (_state.Id is { } id && await Errors.TryAsync(() => Posts.RateAsync(id, rating)))
        {
            _state.SetRating(rating);
        }
    }

    private async Task SaveAsTemplateAsync()
    {
        if (!await SaveAsync(overwrite: false) && _state.IsDirty || _state.Id is not { } id)
        {
            return;
        }
        if (await Dialogs.OpenAsync<SaveAsTemplateDialog>(L["Editor.SaveAsTemplate"]) is SaveAsTemplateDialog.Choice choice
            && await Errors.TryAsync(() => Templates.CreateFromPostAsync(new CreateTemplateRequest(id, choice.Name, choice.Category))) is { } template)
        {
            Errors.Success(L["Editor.TemplateSaved"], template.Name);
        }
    }

    /// <summary>A published post stays (it is on the network); anything else can go, after a confirmation.</summary>
    private async Task DeleteAsync()
    {
        if (_state.Id is not { } id
            || await Dialogs.Confirm(L["Editor.DeleteConfirm"], L["Editor.DeleteTitle"],
                new ConfirmOptions { OkButtonText = S["Delete"], CancelButtonText = L["Editor.Keep"] }) != true)
        {
            return;
        }
        if (await Errors.TryAsync(() => Posts.DeleteAsync(id)))
        {
            _leaveWithoutSaving = true;
            Errors.Success(L["Editor.Deleted"]);
            Navigation.NavigateTo("posts");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _leaving?.Dispose();
        if (_autoSave is not null)
        {
            await _autoSave.DisposeAsync();
        }
        // Closing the tab ends the circuit without navigating: keep what was typed.
        if (_state.IsDirty && _state.CanSave && !_conflict && !_leaveWithoutSaving && _state.Id is { } id)
        {
            try
            {
                await Posts.UpdateAsync(id, _state.ToUpdate(overwrite: false));
            }
            catch (ApiException)
            {
                // Nobody is left to tell; the last auto-save stands.
            }
        }
    }
}
