build/src/source.o: src/source.c include/source.h include/util.h
