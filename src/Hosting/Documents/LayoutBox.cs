using System.Reflection;
using Microsoft.Extensions.Configuration;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Ptsp.Hosting.Documents;

/// <summary>A box text was laid out in (a table cell, a field's value column, a signature column), for layout checks.</summary>
public sealed record LayoutBox(int Page, XRect Rect, string Kind);
