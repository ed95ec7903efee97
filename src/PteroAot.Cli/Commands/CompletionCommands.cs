using System.CommandLine;
using PteroAot.Cli.Infrastructure;

namespace PteroAot.Cli.Commands;

/// <summary>
/// <c>ptero completion bash|zsh|fish</c>: prints a shell script whose completion function asks the binary itself through
/// System.CommandLine's <c>[suggest:N]</c> directive, then keeps only the suggestions that start with the current word
/// (the directive matches "contains", case-insensitively).
/// </summary>
internal static class CompletionCommands
{
    public static Command Build()
    {
        var shell = new Argument<string>("shell") { Description = "The shell to print the script for: bash, zsh or fish." };
        shell.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "bash", "zsh", "fish");
        var command = new Command("completion", "Print a shell completion script (bash: source <(ptero completion bash)).") { shell };
        command.Handle(c =>
        {
            c.Out.Write(Script(c.Get(shell)));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    internal static string Script(string shell) => shell.ToLowerInvariant() switch
    {
        "zsh" => Zsh,
        "fish" => Fish,
        _ => Bash,
    };

    private const string Bash =
        """
        # ptero completion for bash. Load it with:  source <(ptero completion bash)
        _ptero_complete() {
            local line="" cur="${COMP_WORDS[COMP_CWORD]}" item
            [[ "$COMP_LINE" == *" "* ]] && line="${COMP_LINE#* }"
            local pos=$(( COMP_POINT - (${#COMP_LINE} - ${#line}) ))
            (( pos < 0 )) && pos=0
            local IFS=$'\n'
            COMPREPLY=()
            for item in $(ptero "[suggest:$pos]" "$line" 2>/dev/null); do
                [[ "$item" == "$cur"* ]] && COMPREPLY+=("$item")
            done
        }
        complete -o default -F _ptero_complete ptero

        """;

    private const string Zsh =
        """
        #compdef ptero
        # ptero completion for zsh. Load it with:  source <(ptero completion zsh)
        _ptero() {
            local cur="${words[CURRENT]}"
            local line="${(j: :)${(@)words[2,CURRENT]}}"
            local -a items
            items=("${(@f)$(ptero "[suggest:${#line}]" "$line" 2>/dev/null)}")
            items=(${(M)items:#${(b)cur}*})
            (( ${#items} )) && compadd -Q -- "${items[@]}"
        }
        if (( $+functions[compdef] )); then
            compdef _ptero ptero
        fi

        """;

    private const string Fish =
        """
        # ptero completion for fish. Load it with:  ptero completion fish | source
        function __ptero_complete
            set -l tokens (commandline -opc)
            set -l cur (commandline -ct)
            set -l line (string join ' ' -- $tokens[2..-1] "$cur")
            set -l pos (string length -- "$line")
            for item in (ptero "[suggest:$pos]" "$line" 2>/dev/null)
                if test -z "$cur"; or test (string sub -l (string length -- "$cur") -- "$item") = "$cur"
                    echo $item
                end
            end
        end
        complete -c ptero -f -a '(__ptero_complete)'

        """;
}
