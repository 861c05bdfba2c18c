# Importing a module that does not exist.
import not_a_module_anywhere
