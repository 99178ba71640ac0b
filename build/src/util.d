build/src/util.o: src/util.c include/util.h
