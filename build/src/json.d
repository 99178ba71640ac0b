build/src/json.o: src/json.c include/json.h include/util.h include/text.h
