using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>A page with a form: "errors twice" (ui.md), in the field order of the form.</summary>
public abstract class FormPage : PageModel
{
    public List<FieldError> Errors { get; } = [];

    public void AddError(string field, string message)
    {
        Errors.Add(new FieldError(field, message));
        ViewData["HasErrors"] = true;
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>The Gateway's validation messages on this form's fields (API field name → the input's id); the rest on <paramref name="fallbackField"/>.</summary>
    public void AddErrors(GatewayProblem problem, IReadOnlyDictionary<string, string> fields, string fallbackField)
    {
        var known = problem.Errors.Where(e => fields.ContainsKey(e.Key)).ToList();
        foreach (var (apiField, field) in fields)
        {
            if (problem.Errors.TryGetValue(apiField, out var messages))
                foreach (var message in messages)
                    AddError(field, message);
        }

        if (known.Count == 0)
            AddError(fallbackField, problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? problem.Title);
    }
}
