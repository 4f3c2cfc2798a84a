# Generated from forms/unit.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTableWidget, QVBoxLayout, QWidget

class Ui_UnitDialog(object):
    def setupUi(self, UnitDialog):
        if not UnitDialog.objectName():
            UnitDialog.setObjectName(u"UnitDialog")
        UnitDialog.resize(640, 480)
        self.unitLayout = QVBoxLayout(UnitDialog)
        self.unitLayout.setObjectName(u"unitLayout")
        self.unitForm = QFormLayout()
        self.unitForm.setObjectName(u"unitForm")
        self.tagLabel = QLabel(UnitDialog)
        self.tagLabel.setObjectName(u"tagLabel")

        self.unitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.tagLabel)

        self.tagEdit = QLineEdit(UnitDialog)
        self.tagEdit.setObjectName(u"tagEdit")

        self.unitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.tagEdit)

        self.categoryLabel = QLabel(UnitDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.unitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(UnitDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.unitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.modelLabel = QLabel(UnitDialog)
        self.modelLabel.setObjectName(u"modelLabel")

        self.unitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.modelLabel)

        self.modelEdit = QLineEdit(UnitDialog)
        self.modelEdit.setObjectName(u"modelEdit")

        self.unitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.modelEdit)

        self.serialLabel = QLabel(UnitDialog)
        self.serialLabel.setObjectName(u"serialLabel")

        self.unitForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.serialLabel)

        self.serialEdit = QLineEdit(UnitDialog)
        self.serialEdit.setObjectName(u"serialEdit")

        self.unitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.serialEdit)

        self.conditionLabel = QLabel(UnitDialog)
        self.conditionLabel.setObjectName(u"conditionLabel")

        self.unitForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.conditionLabel)

        self.conditionEdit = QLineEdit(UnitDialog)
        self.conditionEdit.setObjectName(u"conditionEdit")

        self.unitForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.conditionEdit)

        self.noteLabel = QLabel(UnitDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.unitForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(UnitDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.unitForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.unitLayout.addLayout(self.unitForm)

        self.historyLabel = QLabel(UnitDialog)
        self.historyLabel.setObjectName(u"historyLabel")

        self.unitLayout.addWidget(self.historyLabel)

        self.historyTable = QTableWidget(UnitDialog)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.unitLayout.addWidget(self.historyTable)

        self.messageLabel = QLabel(UnitDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.unitLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(UnitDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.unitLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.tagLabel.setBuddy(self.tagEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.modelLabel.setBuddy(self.modelEdit)
        self.serialLabel.setBuddy(self.serialEdit)
        self.conditionLabel.setBuddy(self.conditionEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tagEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.modelEdit)
        QWidget.setTabOrder(self.modelEdit, self.serialEdit)
        QWidget.setTabOrder(self.serialEdit, self.conditionEdit)
        QWidget.setTabOrder(self.conditionEdit, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.historyTable)
        QWidget.setTabOrder(self.historyTable, self.buttons)

        self.retranslateUi(UnitDialog)
    # setupUi

    def retranslateUi(self, UnitDialog):
        UnitDialog.setWindowTitle(QCoreApplication.translate("UnitDialog", u"Loaner unit", None))
        self.tagLabel.setText(QCoreApplication.translate("UnitDialog", u"Asset &tag", None))
        self.tagEdit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"scan the label or type the tag", None))
        self.categoryLabel.setText(QCoreApplication.translate("UnitDialog", u"&Category", None))
        self.modelLabel.setText(QCoreApplication.translate("UnitDialog", u"&Model", None))
        self.serialLabel.setText(QCoreApplication.translate("UnitDialog", u"&Serial no.", None))
        self.conditionLabel.setText(QCoreApplication.translate("UnitDialog", u"C&ondition", None))
        self.noteLabel.setText(QCoreApplication.translate("UnitDialog", u"&Note", None))
        self.historyLabel.setText(QCoreApplication.translate("UnitDialog", u"History", None))
    # retranslateUi

