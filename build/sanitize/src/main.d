build/sanitize/src/main.o: src/main.c include/article.h include/util.h \
 include/extract.h include/article.h include/source.h include/util.h
