using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Documents;

/// <summary>The kinds of numbered document the agency issues, each with its own yearly series.</summary>
public enum NumberedDocument
{
    Receipt,
    Permit,
    Rejection,
}
