#ifndef CICU_BASELINE_H
#define CICU_BASELINE_H
#include <stddef.h>
#include <stdint.h>

/// The C baseline for the segmentation benchmark: converts UTF-8 to UTF-16 and
/// walks ICU's "zh" word break iterator over it, reading each rule status, as a
/// plain C program would. Returns the number of tokens, or -1 on an ICU error.
int64_t cicu_baseline_word_tokens(const char *utf8, int64_t length);

#endif
