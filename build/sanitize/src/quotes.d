build/sanitize/src/quotes.o: src/quotes.c include/quotes.h \
 include/article.h include/util.h
