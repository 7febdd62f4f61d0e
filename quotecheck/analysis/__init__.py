"""Text analysis: tokens, sentences, quotes, statements and their speakers."""
