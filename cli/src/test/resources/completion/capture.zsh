# Prints the candidates zsh's completion system offers for a command line, one per line:
#   zsh -f capture.zsh SCRIPT 'inetkit ftp g'
# SCRIPT is the bash completion script, loaded through bashcompinit as docs/cli.md tells zsh
# users to. An interactive zsh runs in a pseudo-terminal (zpty); compadd is wrapped to print what
# the completion functions add, and a widget bound to ^T runs complete-word on the typed line.
zmodload zsh/zpty || exit 3
script=$1 line=$2
zpty z zsh -f -i
zpty -w z "PROMPT=''; RPROMPT=''; unsetopt beep"
zpty -w z "autoload -U compinit && compinit -u -D"
zpty -w z "autoload -U bashcompinit && bashcompinit"
zpty -w z "source ${(q)script}"
zpty -w z "zstyle ':completion:*' list-grouped false; zstyle ':completion:*' insert-tab false"
zpty -w z 'compadd () { local -a hits; builtin compadd -O hits "$@"; (( $#hits )) && print -rl -- "<c>"${^hits} }'
zpty -w z 'comptest () { print -r -- "<begin>"; zle complete-word; print -r -- "<end>"; }'
zpty -w z 'zle -N comptest; bindkey "^T" comptest'
zpty -w z "print -r -- '<ready>'"
zpty -r z _ '*<ready>*'
zpty -n -w z "$line"$'\C-T'
zpty -r z out '*<end>*'
print -r -- "$out" | tr -d '\r' | sed -n 's/^<c>//p' | sort -u
zpty -d z
