"""Build the optional C tree walker; without a compiler the package installs
pure Python and the scorer walks the trees with numpy (same results)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("textclean._walk", ["textclean/_walk.c"], optional=True)])
