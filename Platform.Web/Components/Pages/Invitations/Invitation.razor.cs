using Microsoft.AspNetCore.Components;
using Platform.Web.PlatformApi;

namespace Platform.Web.Components.Pages.Invitations;

/// <summary>
/// Where an invitation link (<c>{public url}/invitation#token=pli_…</c>) lands. Static server
/// rendering with plain forms: the page's script moves the token from the fragment (which no
/// server ever sees, so no log holds it) into a posted form; the server previews the invitation
/// with the API and shows the form its account needs, then accepts it. The token only ever
/// travels in request bodies, and the page is neither cached nor named in a Referer.
/// </summary>
public sealed partial class Invitation(PlatformApiClient api, ILogger<Invitation> logger)
{
    private const string PreviewFormName = "invitation-preview";
    private const string AcceptFormName = "invitation-accept";
    private const string PasswordField = "password";
    private const string DisplayNameField = "displayName";
    private const string RepeatPasswordField = "repeatPassword";
    private const string InvitationNotFoundType = "invitation-not-found";

    /// <summary>Tokens are about fifty characters; anything far longer is not one, and is not forwarded.</summary>
    private const int LongestToken = 256;

    private static readonly ApiProblem NotValid = new(System.Net.HttpStatusCode.NotFound, null,
        "This invitation link is not valid any more: ask your admin for a new one.", new Dictionary<string, string[]>());

    private static readonly ApiProblem Unreachable = new(System.Net.HttpStatusCode.ServiceUnavailable, null,
        "The platform cannot be reached right now. Please open the link again in a few minutes.", new Dictionary<string, string[]>());

    private Stage _stage = Stage.Reading;
    private InvitationPreview? _preview;
    private InvitationAcceptance? _acceptance;
    private ApiProblem? _problem;
    private string[] _fieldsShown = [];

    private enum Stage { Reading, Details, Accepted, Problem }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromForm(FormName = PreviewFormName)]
    private InvitationTokenForm? Preview { get; set; }

    [SupplyParameterFromForm(FormName = AcceptFormName)]
    private InvitationAcceptForm? Accept { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // A page that held a token (in a form field) is kept by no cache, and a link on it names no page.
        HttpContext.Response.Headers.CacheControl = "no-store";
        HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        HttpContext.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        Preview ??= new InvitationTokenForm();
        if (Accept?.Token is { Length: > 0 } posted)
        {
            // An accept POST: Blazor hands the submit to a form only if that form is on the page when it
            // first renders, and the accept form is drawn from the invitation's preview.
            await ShowDetailsAsync(posted.Trim());
        }

        Accept ??= new InvitationAcceptForm();
    }

    private async Task PreviewAsync()
    {
        if (await ShowDetailsAsync(Preview?.Token?.Trim()) is { } preview)
        {
            Accept = new InvitationAcceptForm { Token = Preview!.Token!.Trim(), DisplayName = preview.SuggestedDisplayName };
        }
    }

    /// <summary>Previews the invitation and shows its details and form, or the problem; the preview or null.</summary>
    private async Task<InvitationPreview?> ShowDetailsAsync(string? token)
    {
        if (await PreviewOrProblemAsync(token) is not { } preview)
        {
            return null;
        }

        _preview = preview;
        _stage = Stage.Details;
        return preview;
    }

    private async Task AcceptAsync()
    {
        var form = Accept!;
        var token = form.Token?.Trim();
        // The preview (read as the page rendered) says which form this is, and is what the page shows again after an error.
        if (_preview is not { } preview)
        {
            return;
        }

        Accept = new InvitationAcceptForm { Token = token, DisplayName = form.DisplayName };
        if (preview.NeedsPassword && !string.Equals(form.Password, form.RepeatPassword, StringComparison.Ordinal))
        {
            ShowFieldProblem(RepeatPasswordField, "The two passwords differ: type the same password twice.");
            return;
        }

        var result = await CallAsync(() => api.AcceptInvitationAsync(token!,
            preview.NeedsPassword ? form.Password ?? string.Empty : null,
            preview.Account == InvitationPreview.NewAccount ? form.DisplayName?.Trim() ?? string.Empty : null,
            CancellationToken.None));
        if (result?.Value is { } acceptance)
        {
            _acceptance = acceptance;
            _stage = Stage.Accepted;
        }
        else if (result?.Problem is { IsNotFound: true } || result is null)
        {
            _problem = Shown(result?.Problem);
            _stage = Stage.Problem;
        }
        else
        {
            _problem = result.Problem;
            _fieldsShown = [PasswordField, DisplayNameField];
        }
    }

    /// <summary>The preview, or null after setting the page to the problem to show.</summary>
    private async Task<InvitationPreview?> PreviewOrProblemAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > LongestToken)
        {
            _problem = NotValid;
            _stage = Stage.Problem;
            return null;
        }

        var result = await CallAsync(() => api.PreviewInvitationAsync(token, CancellationToken.None));
        if (result?.Value is { } preview)
        {
            return preview;
        }

        _problem = Shown(result?.Problem);
        _stage = Stage.Problem;
        return null;
    }

    private async Task<ApiResult<T>?> CallAsync<T>(Func<Task<ApiResult<T>>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException exception)
        {
            // The exception names the API's address, never the request's body (where the token is).
            logger.LogWarning(exception, "The platform API did not answer an invitation request");
            return null;
        }
    }

    /// <summary>
    /// What to show for a refusal that ends the page. Any 404 means the link cannot be used, but
    /// only the API's invitation-not-found problem has a title written for people (a 404 of an API
    /// without the route says "Not Found").
    /// </summary>
    private static ApiProblem Shown(ApiProblem? problem) => problem switch
    {
        null => Unreachable,
        { IsNotFound: true } when !problem.IsOfType(InvitationNotFoundType) => NotValid,
        _ => problem,
    };

    private void ShowFieldProblem(string field, string message)
    {
        _problem = new ApiProblem(System.Net.HttpStatusCode.BadRequest, null, "Please correct the form.",
            new Dictionary<string, string[]> { [field] = [message] });
        _fieldsShown = [field];
    }

    private IReadOnlyList<string> FieldMessages(string field) => _problem?.ErrorsOf(field) ?? [];

    private static string AcceptedSentence(InvitationAcceptance acceptance) => acceptance.Account switch
    {
        "created" => $"Welcome! Your account is created and you are now a member of {acceptance.TenantName}.",
        "reclaimed" => $"Your account has its new password, and you are now a member of {acceptance.TenantName}.",
        _ => $"You are now a member of {acceptance.TenantName}.",
    };
}
