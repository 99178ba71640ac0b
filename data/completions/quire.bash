# bash completion for quire(1): commands, each command's options and their
# values, files for sources, and article ids with their titles.
# Everything comes from the binary itself (`quire __complete ...`, a hidden
# command that prints what the command and option tables hold and the
# library's ids), so new commands and options complete without changes here.

# Run the quire being completed (the word typed, else quire on $PATH), with
# the --db the command line names.
_quire_ask()
{
	local q=${COMP_WORDS[0]}
	[[ $q == */* && -x $q ]] || q=quire
	"$q" "${_quire_db[@]}" __complete "$@" 2>/dev/null
}

_quire()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd="" i
	_quire_db=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db) _quire_db=(--db "${COMP_WORDS[i+1]}"); ((i++)) ;;
		--db=*) _quire_db=("${COMP_WORDS[i]}") ;;
		--config) ((i++)) ;;
		-*) ;;
		*) [[ -z $cmd ]] && cmd=${COMP_WORDS[i]} ;;
		esac
	done
	COMPREPLY=()
	if [[ $prev == --db || $prev == --config ]]; then
		COMPREPLY=($(compgen -f -- "$cur"))
		return
	fi
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--db --config --help --version" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_quire_ask commands | cut -f1)" -- "$cur"))
		fi
		return
	fi

	# The value of an option: its choices (a|b|c), a folder or a file.
	local options line opt arg
	options=$(_quire_ask options "$cmd")
	while IFS= read -r line; do
		# OPTION<tab>ARGUMENT<tab>HELP; ARGUMENT may be empty.
		opt=${line%%$'\t'*}
		arg=${line#*$'\t'}
		arg=${arg%%$'\t'*}
		[[ $prev == "$opt" && -n $arg ]] || continue
		case $arg in
		*'|'*) COMPREPLY=($(compgen -W "${arg//|/ }" -- "$cur")) ;;
		DIR) COMPREPLY=($(compgen -d -- "$cur")) ;;
		*) COMPREPLY=($(compgen -f -- "$cur")) ;;
		esac
		return
	done <<<"$options"
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(cut -f1 <<<"$options")" -- "$cur"))
		return
	fi

	# A positional argument, by what the command's usage line names.
	local args
	args=$(_quire_ask commands | awk -F'\t' -v c="$cmd" '$1 == c { print $2 }')
	# An option given that the usage pairs with an argument ("--all DIR").
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--?*) [[ " $args " == *" ${COMP_WORDS[i]} "* ]] &&
		    args=${args#*"${COMP_WORDS[i]} "} ;;
		esac
	done
	case $args in
	*COMMAND*)
		COMPREPLY=($(compgen -W "$(_quire_ask commands | cut -f1)" -- "$cur")) ;;
	*ID*)
		# Ids; when several match, each shown with its title.
		local id title
		local -a ids=() shown=()
		while IFS=$'\t' read -r id title; do
			[[ -n $id && $id == "$cur"* ]] || continue
			ids+=("$id")
			shown+=("$id  ${title:0:60}")
		done < <(_quire_ask ids)
		if ((${#ids[@]} == 1)); then
			COMPREPLY=("${ids[0]}")
		elif ((${#ids[@]} > 1)); then
			COMPREPLY=("${shown[@]}")
		fi
		;;
	DIR*)
		COMPREPLY=($(compgen -d -- "$cur")) ;;
	*SOURCE*|*FILE*)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}
complete -o filenames -o bashdefault -F _quire quire
