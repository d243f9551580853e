using System.Text.RegularExpressions;

namespace Ptsp.Hosting.Tests;

/// <summary>
/// Findable names (issue 13): every file under src/ holds at most one public top-level type, and the file is named after it.
/// Top level means column 0 (the code uses file-scoped namespaces); nested and non-public helpers are free. A Razor page's
/// model keeps the page's name (<c>Index.cshtml.cs</c>), and each service has its <c>Program.cs</c>.
/// </summary>
public sealed partial class SourceLayoutTests
{
    [GeneratedRegex(@"^public\s+(?:(?:static|sealed|abstract|partial|readonly|record|ref|unsafe)\s+)*(?:class|record|interface|enum|struct|delegate)\s+(?:struct\s+|class\s+)?(?:[\w<>\[\],.? ]+\s+)??(?<name>[A-Za-z_]\w*)\s*(?:<|\(|:|\{|$|\s|;)")]
    private static partial Regex PublicTopLevelType();

    [Fact]
    public void Every_source_file_holds_one_public_type_named_after_the_file()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} source files found under {src}.");

        var wrong = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var types = File.ReadLines(file).Select(l => PublicTopLevelType().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToList();
            if (name.EndsWith(".cshtml.cs", StringComparison.Ordinal) || name == "Program.cs")
            {
                if (types.Count > 1)
                    wrong.Add($"{Path.GetRelativePath(src, file)}: {string.Join(", ", types)}");
                continue;
            }

            var expected = name[..^".cs".Length].Split('.')[0];
            if (types.Count > 1 || (types.Count == 1 && types[0] != expected))
                wrong.Add($"{Path.GetRelativePath(src, file)}: {string.Join(", ", types)}");
        }

        Assert.True(wrong.Count == 0, "Files whose public types are not one named after the file:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_two_source_files_share_a_name_outside_the_per_service_conventions()
    {
        string[] conventions = ["Program.cs", "Extensions.cs", "Index.cshtml.cs", "Unduh.cshtml.cs", "_ViewImports.cshtml", "_ViewStart.cshtml"];
        var src = Path.Combine(RepositoryRoot(), "src");
        var clashes = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .GroupBy(Path.GetFileName)
            .Where(g => g.Count() > 1 && !conventions.Contains(g.Key))
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => Path.GetRelativePath(src, f)))}")
            .ToList();
        Assert.True(clashes.Count == 0, "Files with the same name in different places:\n" + string.Join("\n", clashes));
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ptsp.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Ptsp.slnx not found above the test directory.");
    }
}
