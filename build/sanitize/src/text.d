build/sanitize/src/text.o: src/text.c include/text.h include/util.h
