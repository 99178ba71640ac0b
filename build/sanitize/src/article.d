build/sanitize/src/article.o: src/article.c include/article.h \
 include/util.h include/json.h include/text.h
