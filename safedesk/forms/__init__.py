"""Printed and exported documents: PDF forms, XLSX registers, the submission package."""
