//! Front end: lexer, layout pass, lalrpop grammar, AST.
