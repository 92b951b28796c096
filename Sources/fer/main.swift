import App
print("fer")
