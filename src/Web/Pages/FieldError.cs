using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>A message for one field: shown in the summary at the top (linked to the field) and next to the field.</summary>
public sealed record FieldError(string Field, string Message);
