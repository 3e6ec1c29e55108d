using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace EventHub.Web.Features.Site;

/// <summary>
/// What a POST answers when it fails before or instead of its form handler, so it is never a bare status with an empty body.
/// </summary>
public static class FormPostStatusPages
{
    /// <summary>
    /// Three cases, after <c>UseStatusCodePagesWithReExecute</c>:
    /// <list type="bullet">
    /// <item>A POST to an endpoint that is not a page (a sync, an autosave, an upload) keeps its bare 401/404: re-executed
    /// as a POST to the not-found page it would fail that page's antiforgery check and answer 400.</item>
    /// <item>A re-executed POST is shown as a GET of the not-found page: that page has no form to post to.</item>
    /// <item>A form POST to a page that then finds nothing for its address (an event or a link that is gone) shows the
    /// not-found page instead of the form, and Blazor answers a bare 400 because the posted form is no longer on the page.
    /// It is sent to a GET of the same address (303 See Other), which answers what the address now is: the not-found
    /// page with its 404, or the page as it now stands.</item>
    /// </list>
    /// </summary>
    public static IApplicationBuilder UseFormPostStatusPages(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
                await next(context);
                return;
            }

            if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    statusCodePages.Enabled = false;
                }

                await next(context);
                return;
            }

            await next(context);
            if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status400BadRequest
                && context.Response.ContentLength is null or 0)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            }
        });
}
