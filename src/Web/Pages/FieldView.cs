namespace Ptsp.Web.Pages;

/// <summary>One labelled form field, its hint and its error (Shared/_Field.cshtml).</summary>
public sealed record FieldView(FormPage Page, string Id, string Name, string Label, string? Value, string? Hint = null, string Type = "text",
    string? Autocomplete = null, string? InputMode = null, bool Multiline = false, bool Optional = false, string? Width = null);
